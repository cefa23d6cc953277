package org.ipop.library.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The real patent titles of {@code /org/ipop/library/demo/titles.csv} (see the README next to it). */
final class TitleCorpus {

    /** One row: publication number, title, IPC subclasses. */
    record Title(String publicationNumber, String title, List<String> ipcSubclasses) {
    }

    private TitleCorpus() {
    }

    static List<Title> load() {
        try (InputStream in = TitleCorpus.class.getResourceAsStream("/org/ipop/library/demo/titles.csv")) {
            if (in == null) {
                throw new IllegalStateException("/org/ipop/library/demo/titles.csv is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Title> titles = new ArrayList<>();
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    titles.add(parse(line));
                }
            }
            return List.copyOf(titles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Three columns; only the title is ever quoted (it may contain commas), and it contains no quotes. */
    private static Title parse(String line) {
        int first = line.indexOf(',');
        int last = line.lastIndexOf(',');
        String title = line.substring(first + 1, last);
        if (title.startsWith("\"") && title.endsWith("\"")) {
            title = title.substring(1, title.length() - 1);
        }
        String ipc = line.substring(last + 1);
        return new Title(line.substring(0, first), title, ipc.isEmpty() ? List.of() : List.of(ipc.split("\\|")));
    }

    /** The tokens {@code analyzer} makes of {@code text} (the smartcn words of a title, for example). */
    static List<String> words(Analyzer analyzer, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
