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
 * <li>{@link PatentFields#TEXT} (title, abstract, first claim): all bigrams of the part occur (boost 1);</li>
 * <li>{@link PatentFields#TITLE_WORDS}: the smartcn words of the part are adjacent in the title (boost
 * {@value #TITLE_WORDS_BOOST}); this also finds a single character such as 鸟, which has no bigram;</li>
 * <li>{@link PatentFields#TITLE_BIGRAMS}: the bigrams of the part are adjacent in the title (boost
 * {@value #TITLE_BIGRAMS_BOOST}).</li>
 * </ul>
 * Scores add up, so a title containing the part as a word comes first, then a title containing it as a string
 * (电站 in 水电站), then patents that have it only in the abstract or claim. The two title clauses match little
 * beyond the text clause; they are there for ranking. A plain disjunction, rather than the text clause required and
 * the title clauses optional, lets Lucene skip more of the hits that cannot reach the page (measured faster for
 * one-word queries at one million patents), and without scores (facet counting) it is a bulk-scored union.
 */
final class QueryTranslator {

    private static final float TITLE_WORDS_BOOST = 3f;
    private static final float TITLE_BIGRAMS_BOOST = 2f;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u3000,，;；、]+");

    private final QueryBuilder builder;

    QueryTranslator(Analyzer analyzer) {
        this.builder = new QueryBuilder(analyzer);
    }

    /**
     * The Lucene form of a query.
     *
     * @param query the text parts (scored) and the filters (not scored)
     * @param sort  the order of the hits, or null for relevance order
     */
    record Translated(Query query, Sort sort) {
    }

    Translated translate(PatentQuery query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean scored = false;
        // A part typed twice matches the same patents and orders them the same; searching it once halves the work.
        for (String part : new LinkedHashSet<>(Arrays.asList(SEPARATORS.split(query.text())))) {
            Query partQuery = partQuery(part);
            if (partQuery != null) {
                all.add(partQuery, Occur.MUST);
                scored = true;
            }
        }
        List<Query> filters = filters(query);
        filters.forEach(filter -> all.add(filter, Occur.FILTER));
        // A text made only of punctuation or stop words searches everything, as a blank one does.
        Query lucene = scored || !filters.isEmpty() ? all.build() : MatchAllDocsQuery.INSTANCE;
        // Relevance needs scored text; without it the newest patents come first.
        PatentQuery.Sort order = !scored && query.sort() == PatentQuery.Sort.RELEVANCE
                ? PatentQuery.Sort.FILING_DATE_DESC
                : query.sort();
        return new Translated(lucene, sortFor(order));
    }

    /** The query of one part of the text, or null if analysis leaves nothing of it (punctuation only). */
    private Query partQuery(String part) {
        if (part.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
        boolean any = add(alternatives, builder.createBooleanQuery(PatentFields.TEXT, part, Occur.MUST), 1f);
        any |= add(alternatives, builder.createPhraseQuery(PatentFields.TITLE_WORDS, part), TITLE_WORDS_BOOST);
        any |= add(alternatives, builder.createPhraseQuery(PatentFields.TITLE_BIGRAMS, part), TITLE_BIGRAMS_BOOST);
        return any ? alternatives.build() : null;
    }

    /** Adds the query of one field, unless analysis left nothing of the part for that field. */
    private static boolean add(BooleanQuery.Builder alternatives, Query query, float boost) {
        if (query == null) {
            return false;
        }
        alternatives.add(boost == 1f ? query : new BoostQuery(query, boost), Occur.SHOULD);
        return true;
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
