package org.ipop.library.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.ipop.library.PatentDetail;
import org.ipop.library.domain.AnalyzedPatent;
import org.ipop.library.tagging.Catalog;
import org.ipop.library.tagging.SegmentTag;
import org.ipop.library.tagging.TagStrength;
import org.ipop.library.valuation.ValueIndicator;
import org.ipop.library.valuation.ValueScore;

/**
 * The {@code analysis} sub-document of a patent: what the platform derived from its record — segment tags with
 * the rule behind each, the value score with its breakdown, the tier and why. Recomputed whenever an input changes.
 *
 * <p>Stored compactly, because the embedded store decodes and encodes every element of a document on every write,
 * and a patent's analysis was most of its document: about 6 tags of 8 fields and 14 indicators of 5 fields, some
 * 150 of a document's 200 elements (measured on a 100,000-row import: storing took nearly half of the CPU, most of
 * it per element). So:
 * <ul>
 * <li>what can be derived from a code — a catalogue's name, a tag's explanation, an indicator's dimension and
 * names — is derived when reading;</li>
 * <li>each tag and each indicator is one string of its fields joined by the unit separator (U+001F, which no
 * field of a tag or indicator contains; an item whose text does contain it is written as a sub-document).</li>
 * </ul>
 * Nothing queries these fields in the database: search, matching and the views read them through this class.
 * Earlier layouts (a sub-document per tag or indicator, with or without the derived fields) still read as they were
 * written; reading prefers stored derived fields.
 */
final class AnalysisDocuments {

    private static final char SEPARATOR = '\u001F';
    /** The fields of a stored tag and of a stored indicator, in the order they are packed. */
    private static final List<String> TAG_FIELDS = List.of("catalog", "branchCode", "branchName", "parentName",
            "strength", "rule", "pattern", "matchedIpc", "keyword");
    private static final List<String> INDICATOR_FIELDS = List.of("code", "input", "score", "weight", "contribution");

    private AnalysisDocuments() {
    }

    static Document analysis(AnalyzedPatent patent) {
        return new Document("tags", patent.tags().stream().map(AnalysisDocuments::tag).toList())
                .append("value", value(patent.value()))
                .append("tier", patent.tier().code())
                .append("tierReason", patent.tier().reasonZh() + " / " + patent.tier().reasonEn());
    }

    /** A tag as stored: catalog, branch code and name, parent name, strength, rule, pattern, matched IPC, keyword. */
    private static Object tag(SegmentTag tag) {
        return packedOrDocument(TAG_FIELDS, tag.catalog().name(), tag.branchCode(), tag.branchName(), tag.parentName(),
                tag.strength().name(), Integer.toString(tag.evidence().ruleIndex()), tag.evidence().pattern(),
                tag.evidence().code().canonical(), tag.evidence().keyword());
    }

    private static Document value(ValueScore score) {
        List<Object> indicators = score.indicators().stream().map(indicator -> packedOrDocument(INDICATOR_FIELDS,
                indicator.code(),
                indicator.rawInput(), Double.toString(indicator.score()), Double.toString(indicator.weight()),
                Double.toString(indicator.contribution()))).toList();
        return new Document("total", score.total())
                .append("legal", score.legal())
                .append("technical", score.technical())
                .append("economic", score.economic())
                .append("scenario", score.scenario().name())
                .append("indicators", indicators);
    }

    /**
     * One string of the fields (a null as an empty field), or a sub-document if a field contains the separator.
     *
     * @param names the fields' names, in the order of {@code fields}
     */
    private static Object packedOrDocument(List<String> names, String... fields) {
        StringBuilder packed = new StringBuilder(128);
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i] == null ? "" : fields[i];
            if (field.indexOf(SEPARATOR) >= 0) {
                return asDocument(names, fields);
            }
            if (i > 0) {
                packed.append(SEPARATOR);
            }
            packed.append(field);
        }
        return packed.toString();
    }

    private static Document asDocument(List<String> names, String... fields) {
        Document document = new Document();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null) {
                document.append(names.get(i), typed(names.get(i), fields[i]));
            }
        }
        return document;
    }

    /**
     * A stored tag, whichever layout it was written in.
     *
     * @param catalogName the catalogue's name if the tag was stored with it (an earlier layout), else null
     * @param explanation the explanation if stored with it (an earlier layout), else null
     */
    record StoredTag(String catalog, String branchCode, String branchName, String parentName, String strength,
            int rule, String pattern, String matchedIpc, String keyword, String catalogName, String explanation) {

        boolean keywordConfirmed() {
            return TagStrength.KEYWORD_CONFIRMED.name().equals(strength);
        }

        /** {@code SEI_2021:6.4}: the key search and matching use for the branch. */
        String segmentKey() {
            return catalog + ":" + branchCode;
        }
    }

    /** The tags of an analysis sub-document, in the order they were stored. */
    static List<StoredTag> tags(Document analysis) {
        Object stored = analysis.get("tags");
        if (!(stored instanceof List<?> items)) {
            return List.of();
        }
        List<StoredTag> tags = new ArrayList<>(items.size());
        for (Object item : items) {
            Document tag = item instanceof String packed ? unpack(packed, TAG_FIELDS) : (Document) item;
            tags.add(new StoredTag(tag.getString("catalog"), tag.getString("branchCode"), tag.getString("branchName"),
                    tag.getString("parentName"), tag.getString("strength"), tag.getInteger("rule", 0),
                    tag.getString("pattern"), tag.getString("matchedIpc"), tag.getString("keyword"),
                    tag.getString("catalogName"), tag.getString("explanation")));
        }
        return tags;
    }

    /** The indicators of a value sub-document as sub-documents, whichever layout they were written in. */
    private static List<Document> indicators(Document value) {
        Object stored = value.get("indicators");
        if (!(stored instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().map(item -> item instanceof String packed ? unpack(packed, INDICATOR_FIELDS)
                : (Document) item).toList();
    }

    private static Document unpack(String packed, List<String> names) {
        Document document = new Document();
        int start = 0;
        for (int i = 0; i < names.size(); i++) {
            int end = i == names.size() - 1 ? packed.length() : packed.indexOf(SEPARATOR, start);
            if (end < 0) {
                throw new IllegalStateException("a stored analysis item has " + (i + 1) + " fields, expected "
                        + names.size() + " " + names + ": " + packed);
            }
            String field = packed.substring(start, end);
            if (!field.isEmpty()) {
                document.append(names.get(i), typed(names.get(i), field));
            }
            start = end + 1;
        }
        return document;
    }

    /** A field's value with the type a sub-document of the earlier layout gave it. */
    private static Object typed(String name, String field) {
        return switch (name) {
            case "rule" -> Integer.parseInt(field);
            case "score", "weight", "contribution" -> Double.parseDouble(field);
            default -> field;
        };
    }

    /** A stored tag as the detail view shows it, with its catalogue name and explanation derived if not stored. */
    static PatentDetail.Tag tagView(StoredTag tag) {
        String catalogName = tag.catalogName() != null ? tag.catalogName()
                : catalogOf(tag.catalog()).map(Catalog::chineseName).orElse(tag.catalog());
        String explanation = tag.explanation() != null ? tag.explanation()
                : SegmentTag.explanation(TagStrength.valueOf(tag.strength()), tag.rule(), tag.pattern(),
                        tag.matchedIpc(), tag.keyword());
        return new PatentDetail.Tag(tag.catalog(), catalogName, tag.branchCode(), tag.branchName(), tag.parentName(),
                tag.strength(), tag.pattern(), tag.matchedIpc(), tag.keyword(), explanation);
    }

    /** The indicators of a value sub-document as the detail view shows them, names derived if not stored. */
    static List<PatentDetail.Indicator> indicatorViews(Document value) {
        return indicators(value).stream().map(AnalysisDocuments::indicatorView).toList();
    }

    private static PatentDetail.Indicator indicatorView(Document indicator) {
        String code = indicator.getString("code");
        Optional<ValueIndicator> known = ValueIndicator.ofCode(code);
        String dimension = indicator.getString("dimension");
        String nameZh = indicator.getString("nameZh");
        String nameEn = indicator.getString("nameEn");
        return new PatentDetail.Indicator(
                dimension != null ? dimension : known.map(i -> i.dimension().name()).orElse(null), code,
                nameZh != null ? nameZh : known.map(ValueIndicator::nameZh).orElse(code),
                nameEn != null ? nameEn : known.map(ValueIndicator::nameEn).orElse(code),
                indicator.getString("input"), PatentViews.number(indicator, "score"),
                PatentViews.number(indicator, "weight"), PatentViews.number(indicator, "contribution"));
    }

    private static Optional<Catalog> catalogOf(String name) {
        try {
            return Optional.of(Catalog.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
