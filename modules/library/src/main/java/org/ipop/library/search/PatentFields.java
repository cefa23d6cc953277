package org.ipop.library.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * The index schema: field names, their analysis, and how a {@link PatentSearchDocument} becomes a Lucene document.
 *
 * <p>Text. Word segmentation (smartcn, about 0.55 M chars/s) is too slow for 800 characters per patent at
 * 5,000 patents/s, overlapping bigrams (about 26 M chars/s) are not. So:
 * <ul>
 * <li>{@link #TEXT}: title ({@value #TITLE_WEIGHT} times), abstract and first claim as CJK bigrams, with term
 * frequencies but without positions. A query part is found when all its bigrams occur (输电·电线·线路 for 输电线路);
 * bigrams also find a string inside a longer word (电站 in 水电站, which smartcn keeps as one word). The repeated
 * title ranks patents whose title contains the query above those that have it once in the abstract or claim.</li>
 * <li>{@link #TITLE_WORDS}: the title segmented into smartcn words, with positions. It ranks a title containing a
 * one-part query as a word first, and finds single-character queries (鸟), which have no bigram.</li>
 * </ul>
 * Leaving positions out of the long field, and abstract and claim sharing it, was measured at 100,000 patents:
 * the index went from about 150 to 70–95 MB and indexing CPU per patent fell by about a third. The price: outside
 * the title, a part of three or more characters can match with its bigrams apart, which for real words is rare.
 *
 * <p>Exact values use {@link KeywordField} (an indexed term for filtering plus sorted-set doc values for facet
 * counting). Hierarchical codes are indexed at every level as exact terms, so a "prefix" filter is one term lookup
 * rather than a wildcard: {@link #IPC} holds subclass, main group and full code, {@link #REGION} holds province,
 * prefecture and the code itself.
 */
final class PatentFields {

    /** Bumped whenever the fields or their analysis change: an index written with another version is rebuilt. */
    static final String SCHEMA_VERSION = "4";

    static final String ID = "id";
    /**
     * The id and the title of a hit, as binary doc values: a page of hits reads 20 small values instead of
     * decompressing 20 blocks of stored fields (18–20 µs a page against 66–88 µs, measured; see docs/benchmarks.md).
     */
    static final String ID_VALUE = "id_value";
    static final String TITLE_VALUE = "title_value";
    static final String TITLE_WORDS = "title_words";
    /**
     * Title ({@value #TITLE_WEIGHT} times), abstract and first claim together, as bigrams without positions (see
     * {@link #TEXT_TYPE}).
     */
    static final String TEXT = "text";
    /**
     * How many times the title is written into {@link #TEXT}: a bigram of the title counts as often as that many
     * occurrences in the abstract or claim. This is BM25F's field weight (the title's term frequencies and length
     * multiplied) in one field, so that ranking by title takes one term per bigram, whose per-block maximum scores
     * let Lucene skip blocks that cannot reach the page; separate title clauses did not (see docs/benchmarks.md).
     */
    static final int TITLE_WEIGHT = 3;
    static final String INSTITUTION = "institution";
    static final String TYPE = "type";
    static final String LEGAL_STATUS = "legal_status";
    static final String SEGMENT = "segment";
    static final String IPC = "ipc";
    static final String TIER = "tier";
    static final String STATUS = "status";
    static final String REGION = "region";
    static final String REGION_PROVINCE = "region_province";
    static final String FILING_DATE = "filing_date";
    static final String VALUE = "value";
    static final String PUBLISHED = "published";

    /** The doc-values field counted for each facet. */
    static final Map<PatentQuery.Facet, String> FACET_FIELDS = Map.of(
            PatentQuery.Facet.INSTITUTION, INSTITUTION,
            PatentQuery.Facet.TYPE, TYPE,
            PatentQuery.Facet.LEGAL_STATUS, LEGAL_STATUS,
            PatentQuery.Facet.SEGMENT, SEGMENT,
            PatentQuery.Facet.TIER, TIER,
            PatentQuery.Facet.STATUS, STATUS,
            PatentQuery.Facet.REGION, REGION_PROVINCE);

    /** Term frequencies for scoring, no positions: most of the indexing work and index size would be positions. */
    private static final FieldType TEXT_TYPE = textType();

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    private PatentFields() {
    }

    private static FieldType textType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    /** Smartcn words for {@link #TITLE_WORDS}, bigrams for every other text field. Thread-safe, like all analyzers. */
    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new BigramAnalyzer(), Map.of(TITLE_WORDS, new SmartChineseAnalyzer()));
    }

    /**
     * {@code CJKAnalyzer} without its English stop-word filter, which checked every bigram against the stop set
     * (about 6% of indexing time, measured) to drop words that hardly occur in Chinese patents. Han characters
     * become overlapping bigrams (a lone one stays a unigram); Latin words and numbers stay whole, lower-cased;
     * full-width Latin and half-width katakana are folded first.
     */
    private static final class BigramAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream bigrams = new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(source)));
            return new TokenStreamComponents(source, bigrams);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(new CJKWidthFilter(in));
        }
    }

    static Document toDocument(PatentSearchDocument patent) {
        Document doc = new Document();
        doc.add(new StringField(ID, patent.id(), Field.Store.NO)); // for updates and deletes; hits read ID_VALUE
        doc.add(new BinaryDocValuesField(ID_VALUE, new BytesRef(patent.id())));
        doc.add(new BinaryDocValuesField(TITLE_VALUE, new BytesRef(patent.title())));
        doc.add(new TextField(TITLE_WORDS, patent.title(), Field.Store.NO));
        doc.add(new Field(TEXT, allText(patent), TEXT_TYPE));
        addKeyword(doc, INSTITUTION, patent.institution());
        addKeyword(doc, TYPE, patent.type());
        addKeyword(doc, LEGAL_STATUS, patent.legalStatus());
        addKeyword(doc, TIER, patent.tier());
        addKeyword(doc, STATUS, patent.status());
        for (String segment : Set.copyOf(patent.segmentCodes())) {
            addKeyword(doc, SEGMENT, segment);
        }
        for (String level : ipcLevels(patent)) {
            doc.add(new StringField(IPC, level, Field.Store.NO));
        }
        String region = normalRegion(patent.regionCode());
        if (region != null) {
            for (String level : regionLevels(region)) {
                doc.add(new StringField(REGION, level, Field.Store.NO));
            }
            doc.add(new SortedSetDocValuesField(REGION_PROVINCE, new BytesRef(province(region))));
        }
        if (patent.filingDate() != null) {
            doc.add(new LongField(FILING_DATE, patent.filingDate().toEpochDay(), Field.Store.NO));
        }
        doc.add(new DoubleField(VALUE, patent.valueScore(), Field.Store.NO));
        doc.add(new StringField(PUBLISHED, Boolean.toString(patent.published()), Field.Store.NO));
        return doc;
    }

    /** Title ({@value #TITLE_WEIGHT} times), abstract and claim, one per line so that no bigram spans two of them. */
    private static String allText(PatentSearchDocument patent) {
        StringBuilder text = new StringBuilder(patent.title());
        for (int copy = 1; copy < TITLE_WEIGHT; copy++) {
            text.append('\n').append(patent.title());
        }
        for (String part : new String[] {patent.abstractText(), patent.firstClaim()}) {
            if (part != null && !part.isBlank()) {
                text.append('\n').append(part);
            }
        }
        return text.toString();
    }

    private static void addKeyword(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new KeywordField(field, value.strip(), Field.Store.NO));
        }
    }

    /** Subclasses, main groups and full codes of the patent, e.g. B64U, B64U20, B64U20/80. */
    private static Set<String> ipcLevels(PatentSearchDocument patent) {
        Set<String> levels = new LinkedHashSet<>();
        for (String subclass : patent.ipcSubclasses()) {
            String value = normalIpc(subclass);
            if (value.length() >= 4) {
                levels.add(value.substring(0, 4));
            }
        }
        for (String code : patent.ipcCodes()) {
            String value = normalIpc(code);
            if (value.length() >= 4) {
                levels.add(value.substring(0, 4));
                levels.add(mainGroup(value));
                levels.add(value);
            }
        }
        return levels;
    }

    /** Upper case without spaces: {@code b64u 20/80} → {@code B64U20/80}, the form queries are normalised to. */
    static String normalIpc(String code) {
        return SPACES.matcher(code).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private static String mainGroup(String code) {
        int slash = code.indexOf('/');
        return slash < 0 ? code : code.substring(0, slash);
    }

    /** The code if it is six digits, else null (such a patent has no region). */
    static String normalRegion(String code) {
        if (code == null) {
            return null;
        }
        String value = code.strip();
        return SIX_DIGITS.matcher(value).matches() ? value : null;
    }

    /** Province ({@code 420000}), prefecture ({@code 420100}) and the code itself ({@code 420102}), deduplicated. */
    private static Set<String> regionLevels(String code) {
        return new LinkedHashSet<>(List.of(province(code), code.substring(0, 4) + "00", code));
    }

    private static String province(String code) {
        return code.substring(0, 2) + "0000";
    }
}
