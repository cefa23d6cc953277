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
 * beyond the text clause (nothing beyond it for a Chinese part of two or more characters); they are there for
 * ranking. How the clauses are combined, for the page and for counting, is chosen for speed and never changes the
 * hits or their scores (see {@link #addPart}).
 */
final class QueryTranslator {

    private static final float TITLE_WORDS_BOOST = 3f;
    private static final float TITLE_BIGRAMS_BOOST = 2f;

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
     * with the part as words, or as adjacent bigrams, contains the part and therefore its bigrams, and the title is
     * part of the text. The title clauses then only add to the score, which allows two cheaper forms with the same
     * hits and the same scores:
     * <ul>
     * <li>for counting, the text clause alone: a conjunction of bigrams, far cheaper than the disjunction with two
     * phrase queries (measured: a third of the facet counting of two-word queries);</li>
     * <li>in a query of several parts, the text clause required and the title clauses optional, side by side with
     * the other parts' clauses: Lucene skips more of the hits that cannot reach the page than with one disjunction
     * per part (two-word pages 20% cheaper, measured). For a query of one part the disjunction skips more.</li>
     * </ul>
     * Latin letters and digits do not have this property (the text's tokenizer keeps {@code 100mm} whole where the
     * title's words split it), nor does a single character (it has no bigram), so such parts keep the disjunction.
     */
    private boolean addPart(BooleanQuery.Builder scoring, BooleanQuery.Builder matching, String part,
            boolean oneOfSeveral) {
        Query text = builder.createBooleanQuery(PatentFields.TEXT, part, Occur.MUST);
        Query titleWords = boosted(builder.createPhraseQuery(PatentFields.TITLE_WORDS, part), TITLE_WORDS_BOOST);
        Query titleBigrams = boosted(builder.createPhraseQuery(PatentFields.TITLE_BIGRAMS, part), TITLE_BIGRAMS_BOOST);
        boolean textFindsEveryHit = text != null && CHINESE_WORD.matcher(part).matches();
        if (textFindsEveryHit && oneOfSeveral) {
            scoring.add(text, Occur.MUST);
            addIfAny(scoring, titleWords, Occur.SHOULD);
            addIfAny(scoring, titleBigrams, Occur.SHOULD);
            matching.add(text, Occur.FILTER);
            return true;
        }
        BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
        addIfAny(alternatives, text, Occur.SHOULD);
        addIfAny(alternatives, titleWords, Occur.SHOULD);
        addIfAny(alternatives, titleBigrams, Occur.SHOULD);
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
