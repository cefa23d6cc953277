package org.ipop.library.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link PatentQuery} into a Lucene query and sort. No query syntax is exposed: users type Chinese, and
 * characters such as {@code ( : "} are common in patent titles.
 *
 * <p>The text is split into parts at white space and list punctuation; every part must match. A part is analysed
 * per field and matches when any of these does:
 * <ul>
 * <li>{@link PatentFields#TEXT} (title written {@value PatentFields#TITLE_WEIGHT} times, abstract, first claim):
 * all bigrams of the part occur (boost 1). A bigram of the title counts as {@value PatentFields#TITLE_WEIGHT}
 * occurrences, so a title containing the part, as a word or inside one (电站 in 水电站), ranks above a patent that
 * has it once in the abstract or claim;</li>
 * <li>{@link PatentFields#TITLE_WORDS}: the smartcn words of the part are adjacent in the title (boost
 * {@value #TITLE_WORDS_BOOST}); this also finds a single character such as 鸟, which has no bigram.</li>
 * </ul>
 * Scores add up, so in a query of one part a title containing it as a word comes first. In a query of several parts,
 * a part of two or more Chinese characters is ranked by its text clause alone (see {@link #addPart}): titles
 * containing every part still come first through their weight in the text, but a title word no longer ranks above
 * the same characters inside a longer word. How the clauses are combined for counting is chosen for speed and never
 * changes the hits.
 */
final class QueryTranslator {

    private static final float TITLE_WORDS_BOOST = 3f;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u3000,，;；、]+");
    /** Two or more Chinese characters and nothing else (see {@link #addPart}). */
    private static final Pattern CHINESE_WORD = Pattern.compile("\\p{IsHan}{2,}");

    private final QueryBuilder builder;

    QueryTranslator(Analyzer analyzer) {
        this.builder = new QueryBuilder(analyzer);
    }

    /**
     * The Lucene form of a query.
     *
     * @param query    the text parts (scored) and the filters (not scored)
     * @param matching a query with exactly the same hits, cheaper to run where scores are not needed (counting)
     * @param sort     the order of the hits, or null for relevance order
     */
    record Translated(Query query, Query matching, Sort sort) {
    }

    Translated translate(PatentQuery query) {
        // A part typed twice matches the same patents and orders them the same; searching it once halves the work.
        List<String> parts = new LinkedHashSet<>(Arrays.asList(SEPARATORS.split(query.text()))).stream()
                .filter(part -> !part.isEmpty()).toList();
        BooleanQuery.Builder scoring = new BooleanQuery.Builder();
        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        boolean scored = false;
        for (String part : parts) {
            scored |= addPart(scoring, matching, part, parts.size() > 1);
        }
        List<Query> filters = filters(query);
        filters.forEach(filter -> scoring.add(filter, Occur.FILTER));
        filters.forEach(filter -> matching.add(filter, Occur.FILTER));
        // A text made only of punctuation or stop words searches everything, as a blank one does.
        boolean all = !scored && filters.isEmpty();
        // Relevance needs scored text; without it the newest patents come first.
        PatentQuery.Sort order = !scored && query.sort() == PatentQuery.Sort.RELEVANCE
                ? PatentQuery.Sort.FILING_DATE_DESC
                : query.sort();
        return new Translated(all ? MatchAllDocsQuery.INSTANCE : scoring.build(),
                all ? MatchAllDocsQuery.INSTANCE : matching.build(), sortFor(order));
    }

    /**
     * Adds the clauses of one part of the text, unless analysis leaves nothing of it (punctuation only).
     *
     * <p>A part of two or more Chinese characters matches exactly the patents whose text has all its bigrams: a title
     * with the part as words contains the part and therefore its bigrams, and the title is part of the text. So:
     * <ul>
     * <li>for counting, the text clause alone finds the same hits: a conjunction of bigrams, far cheaper than the
     * disjunction with a phrase query (measured: a third of the facet counting of two-word queries);</li>
     * <li>in a query of several parts, the text clause alone also ranks it. Title clauses beside it made two generic
     * words (方法 装置) the slowest searches: patents with either word in the title are in almost every block of
     * documents, so no block could be skipped. One term per bigram in one field lets Lucene skip blocks by their
     * maximum scores, and the title's weight in the text keeps titles with every part first (measured: see the
     * eleventh-session search series in docs/benchmarks.md).</li>
     * </ul>
     * Latin letters and digits do not have this property (the text's tokenizer keeps {@code 100mm} whole where the
     * title's words split it), nor does a single character (it has no bigram), so such parts keep the disjunction;
     * so does a query of one part, whose title-word ranking costs little (one word's page: about 1 ms).
     */
    private boolean addPart(BooleanQuery.Builder scoring, BooleanQuery.Builder matching, String part,
            boolean oneOfSeveral) {
        Query text = builder.createBooleanQuery(PatentFields.TEXT, part, Occur.MUST);
        boolean textFindsEveryHit = text != null && CHINESE_WORD.matcher(part).matches();
        if (textFindsEveryHit && oneOfSeveral) {
            scoring.add(text, Occur.MUST);
            matching.add(text, Occur.FILTER);
            return true;
        }
        // Only now: segmenting the part into smartcn words costs more than the bigrams.
        Query titleWords = boosted(builder.createPhraseQuery(PatentFields.TITLE_WORDS, part), TITLE_WORDS_BOOST);
        BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
        addIfAny(alternatives, text, Occur.SHOULD);
        addIfAny(alternatives, titleWords, Occur.SHOULD);
        BooleanQuery disjunction = alternatives.build();
        if (disjunction.clauses().isEmpty()) {
            return false;
        }
        scoring.add(disjunction, Occur.MUST);
        matching.add(textFindsEveryHit ? text : disjunction, Occur.FILTER);
        return true;
    }

    private static Query boosted(Query query, float boost) {
        return query == null ? null : new BoostQuery(query, boost);
    }

    private static void addIfAny(BooleanQuery.Builder builder, Query query, Occur occur) {
        if (query != null) {
            builder.add(query, occur);
        }
    }

    private static List<Query> filters(PatentQuery query) {
        List<Query> filters = new ArrayList<>();
        addKeywordFilter(filters, PatentFields.INSTITUTION, query.institutions());
        addKeywordFilter(filters, PatentFields.TYPE, query.types());
        addKeywordFilter(filters, PatentFields.LEGAL_STATUS, query.legalStatuses());
        addKeywordFilter(filters, PatentFields.SEGMENT, query.segmentCodes());
        addKeywordFilter(filters, PatentFields.TIER, query.tiers());
        addKeywordFilter(filters, PatentFields.STATUS, query.statuses());
        if (!query.ipcPrefixes().isEmpty()) {
            filters.add(termSet(PatentFields.IPC, query.ipcPrefixes().stream().map(PatentFields::normalIpc).toList()));
        }
        if (!query.regionCodes().isEmpty()) {
            List<String> codes = query.regionCodes().stream().map(PatentFields::normalRegion)
                    .filter(code -> code != null).toList();
            // Only malformed codes were given: nothing can match, rather than silently dropping the filter.
            filters.add(codes.isEmpty()
                    ? new MatchNoDocsQuery("no valid region code")
                    : termSet(PatentFields.REGION, codes));
        }
        if (query.filingFrom() != null || query.filingTo() != null) {
            long from = query.filingFrom() == null ? Long.MIN_VALUE : query.filingFrom().toEpochDay();
            long to = query.filingTo() == null ? Long.MAX_VALUE : query.filingTo().toEpochDay();
            filters.add(LongField.newRangeQuery(PatentFields.FILING_DATE, from, to));
        }
        if (query.publishedOnly()) {
            filters.add(new TermQuery(new Term(PatentFields.PUBLISHED, "true")));
        }
        return filters;
    }

    private static void addKeywordFilter(List<Query> filters, String field, List<String> values) {
        if (!values.isEmpty()) {
            filters.add(KeywordField.newSetQuery(field, values.stream().map(BytesRef::new).toList()));
        }
    }

    private static Query termSet(String field, Collection<String> values) {
        return values.size() == 1
                ? new TermQuery(new Term(field, values.iterator().next()))
                : new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    /** The sort for a field order, or null for relevance order. Patents without a filing date come last. */
    private static Sort sortFor(PatentQuery.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> null;
            case FILING_DATE_DESC -> new Sort(LongField.newSortField(
                    PatentFields.FILING_DATE, true, SortedNumericSelector.Type.MIN, Long.MIN_VALUE));
            case FILING_DATE_ASC -> new Sort(LongField.newSortField(
                    PatentFields.FILING_DATE, false, SortedNumericSelector.Type.MIN, Long.MAX_VALUE));
            // A NaN value score was indexed as 0, so "not assessed" sorts with the lowest.
            case VALUE_DESC -> new Sort(DoubleField.newSortField(
                    PatentFields.VALUE, true, SortedNumericSelector.Type.MIN));
        };
    }
}
