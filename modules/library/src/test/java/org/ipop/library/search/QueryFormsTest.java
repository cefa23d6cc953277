package org.ipop.library.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;
import org.ipop.library.search.PatentQuery.Facet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query forms {@link QueryTranslator} chooses for speed find the same patents, and score them the same, as the
 * definition: every part a disjunction of its text clause (boost 1), title words (3) and title bigrams (2). Over the
 * 7,798 real titles, each patent with another title as its abstract so that the text matches beyond the title; the
 * queries are words and pairs of words of real titles, single characters, and parts with Latin letters and digits.
 */
class QueryFormsTest {

    private static final int PAGE = 20;
    /** Where the text splits into parts, as documented by {@link QueryTranslator}. */
    private static final Pattern PARTS = Pattern.compile("[\\s\\u3000,，;；、]+");

    private static List<TitleCorpus.Title> TITLES;
    private static PatentIndex INDEX;
    private static final QueryBuilder DEFINITION = new QueryBuilder(PatentFields.analyzer());

    @BeforeAll
    static void indexTitles() {
        TITLES = TitleCorpus.load();
        INDEX = PatentIndex.inMemory();
        for (int i = 0; i < TITLES.size(); i++) {
            String abstractText = TITLES.get((i * 7 + 3) % TITLES.size()).title();
            INDEX.upsert(new PatentSearchDocument("P" + i, TITLES.get(i).title(), abstractText, null, null,
                    i % 2 == 0 ? "INVENTION" : "UTILITY_MODEL", null, null, null, null, null, null, null, null, 0,
                    true));
        }
        INDEX.refresh();
    }

    @AfterAll
    static void close() {
        INDEX.close();
    }

    @Test
    void everyFormFindsAndScoresAsTheDisjunctionOfEachPart() {
        List<String> queries = queries();
        assertTrue(queries.size() > 500, "enough queries: " + queries.size());
        assertTrue(queries.stream().anyMatch(query -> query.matches(".*[0-9A-Za-z].* .*")), "Latin parts among them");
        for (String text : queries) {
            Query definition = definition(text);
            TopDocs expected = INDEX.withSearcher(searcher -> searcher.search(definition, PAGE));
            long expectedHits = INDEX.withSearcher(searcher -> (long) searcher.count(definition));

            SearchResult page = INDEX.search(PatentQuery.of(text));
            assertEquals(expectedHits, page.totalHits(), text);
            assertSamePage(expected, page, text);
            SearchResult counted = INDEX.search(PatentQuery.builder().text(text).facets(Facet.TYPE).build());
            assertEquals(expectedHits, counted.totalHits(), text);
            assertEquals(expectedHits, counted.facets().get(Facet.TYPE).stream()
                    .mapToLong(SearchResult.FacetCount::count).sum(), text);
        }
    }

    /** Same patents in the same order with the same scores (summed in another order: equal to a float's rounding). */
    private static void assertSamePage(TopDocs expected, SearchResult page, String text) {
        assertEquals(expected.scoreDocs.length, page.hits().size(), text);
        for (int i = 0; i < expected.scoreDocs.length; i++) {
            ScoreDoc doc = expected.scoreDocs[i];
            SearchResult.Hit hit = page.hits().get(i);
            assertEquals(doc.score, hit.score(), doc.score * 1e-5, text + " #" + i);
            boolean tiedWithNeighbour = (i > 0 && Math.abs(expected.scoreDocs[i - 1].score - doc.score) < 1e-4)
                    || (i + 1 < expected.scoreDocs.length
                    && Math.abs(expected.scoreDocs[i + 1].score - doc.score) < 1e-4);
            if (!tiedWithNeighbour) {
                assertEquals(idOf(doc.doc), hit.id(), text + " #" + i);
            }
        }
    }

    private static String idOf(int doc) {
        return INDEX.withSearcher(searcher -> {
            BinaryDocValues ids = MultiDocValues.getBinaryValues(searcher.getIndexReader(), PatentFields.ID_VALUE);
            return ids.advanceExact(doc) ? ids.binaryValue().utf8ToString() : null;
        });
    }

    /**
     * What {@link QueryTranslator} documents, all parts required: a Chinese word in a query of several parts is its
     * text clause; any other part is the disjunction of its text clause and its title words (boost 3).
     */
    private static Query definition(String text) {
        List<String> parts = new LinkedHashSet<>(List.of(PARTS.split(text))).stream()
                .filter(part -> !part.isEmpty()).toList(); // a leading separator leaves an empty part
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String part : parts) {
            Query textClause = DEFINITION.createBooleanQuery(PatentFields.TEXT, part, Occur.MUST);
            if (parts.size() > 1 && part.matches("\\p{IsHan}{2,}")) {
                all.add(textClause, Occur.MUST);
                continue;
            }
            BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
            add(alternatives, textClause, 1f);
            add(alternatives, DEFINITION.createPhraseQuery(PatentFields.TITLE_WORDS, part), 3f);
            all.add(alternatives.build(), Occur.MUST);
        }
        return all.build();
    }

    private static void add(BooleanQuery.Builder alternatives, Query query, float boost) {
        if (query != null) {
            alternatives.add(boost == 1f ? query : new BoostQuery(query, boost), Occur.SHOULD);
        }
    }

    /** Single words, pairs of words of one title, single characters, and Latin or digit parts with a word. */
    private static List<String> queries() {
        Set<String> queries = new LinkedHashSet<>();
        Pattern latin = Pattern.compile("[0-9A-Za-z]+");
        try (Analyzer smartcn = new SmartChineseAnalyzer()) {
            for (int i = 0; i < TITLES.size(); i += 23) {
                String title = TITLES.get(i).title();
                List<String> words = TitleCorpus.words(smartcn, title);
                if (words.size() >= 2) {
                    queries.add(words.get(words.size() / 2));
                    queries.add(words.getFirst() + " " + words.getLast());
                    queries.add(words.get(1) + " " + words.get(words.size() / 2));
                }
                queries.add(title.substring(title.length() - 1));
            }
            for (int i = 0; i < TITLES.size(); i++) {
                String title = TITLES.get(i).title();
                Matcher matcher = latin.matcher(title);
                if (matcher.find()) {
                    List<String> words = TitleCorpus.words(smartcn, title);
                    queries.add(matcher.group() + " " + words.getLast());
                    // As users type it, the Latin part with the characters around it (100mm, 5G基站).
                    int end = Math.min(title.length(), matcher.end() + 2);
                    queries.add(title.substring(Math.max(0, matcher.start() - 1), end) + " " + words.getLast());
                }
            }
        }
        return new ArrayList<>(queries).stream().filter(query -> !query.isBlank()).toList();
    }

}
