package org.ipop.matching.engine;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ipop.library.MatchablePatent;

/**
 * The relevance evaluation of docs/benchmarks.md: each of the 7,798 real titles in turn is an enterprise's need in
 * words (no IPC, no segment), matched against all the other titles (the query title is left out of its own
 * results); a result is relevant when it shares an IPC subclass with the query. Reports P@10 (the share of the top
 * 10 that is relevant, averaged over queries) and Hit@10 (the share of queries with at least one relevant result
 * in the top 10), for plain bigram BM25 and for the platform's text matching, which uses the library's IPC codes.
 *
 * <p>Run: {@code java -cp <matching test classpath> org.ipop.matching.engine.RelevanceEvaluation}.
 */
public final class RelevanceEvaluation {

    private RelevanceEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        List<MatchablePatent> patents = new ArrayList<>();
        List<Set<String>> subclasses = new ArrayList<>();
        try (Reader csv = new InputStreamReader(RelevanceEvaluation.class.getResourceAsStream(
                "/org/ipop/library/demo/titles.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv)) {
                List<String> ipc = Arrays.stream(row.get("ipc_subclasses").split("\\|")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
                patents.add(new MatchablePatent("eval", row.get("publication_number"), row.get("title"), null, null,
                        null, List.of(), ipc, null, null, 0, false));
                subclasses.add(new HashSet<>(ipc));
            }
        }
        MatchingEngine engine = new MatchingEngine(PatentCorpus.of(patents));
        long started = System.nanoTime();
        double[] plain = evaluate(patents, subclasses, query -> engine.topPatentsByPlainText(query, 10));
        double[] platform = evaluate(patents, subclasses, query -> engine.topPatents(query, 10));
        System.out.printf(Locale.ROOT, "queries %d%n", patents.size());
        System.out.printf(Locale.ROOT, "plain bigram BM25      P@10 %.3f  Hit@10 %.3f%n", plain[0], plain[1]);
        System.out.printf(Locale.ROOT, "platform text matching P@10 %.3f  Hit@10 %.3f%n", platform[0], platform[1]);
        System.out.printf(Locale.ROOT, "time %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static double[] evaluate(List<MatchablePatent> patents, List<Set<String>> subclasses,
            java.util.function.Function<EnterpriseQuery, List<Match>> search) {
        double precision = 0;
        int hits = 0;
        for (int i = 0; i < patents.size(); i++) {
            MatchablePatent query = patents.get(i);
            List<Match> top = search.apply(EnterpriseQuery.ofText(query.id(), query.title(), Set.of(query.id())));
            int relevant = 0;
            for (Match match : top) {
                int index = indexOf(patents, match.patentId());
                if (subclasses.get(index).stream().anyMatch(subclasses.get(i)::contains)) {
                    relevant++;
                }
            }
            precision += relevant / 10.0;
            if (relevant > 0) {
                hits++;
            }
        }
        return new double[] {precision / patents.size(), (double) hits / patents.size()};
    }

    private static java.util.Map<String, Integer> positions;

    private static int indexOf(List<MatchablePatent> patents, String id) {
        if (positions == null) {
            positions = new java.util.HashMap<>();
            for (int i = 0; i < patents.size(); i++) {
                positions.put(patents.get(i).id(), i);
            }
        }
        return positions.get(id);
    }
}
