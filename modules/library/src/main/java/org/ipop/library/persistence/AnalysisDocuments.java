package org.ipop.library.persistence;

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
 * <p>Stored compactly: a patent has about 14 tags and 14 indicators, and writing their catalogue names, sentences
 * of explanation and indicator names into every document made it seven times the size of the record, which the
 * embedded store serialises on every write (measured: storing was most of an import's time). What can be derived
 * from the code — the catalogue's name, the explanation, the dimension and names of an indicator — is derived when
 * reading. Documents written before this layout carry those fields, and reading prefers them.
 */
final class AnalysisDocuments {

    private AnalysisDocuments() {
    }

    static Document analysis(AnalyzedPatent patent) {
        return new Document("tags", patent.tags().stream().map(AnalysisDocuments::tag).toList())
                .append("value", value(patent.value()))
                .append("tier", patent.tier().code())
                .append("tierReason", patent.tier().reasonZh() + " / " + patent.tier().reasonEn());
    }

    private static Document tag(SegmentTag tag) {
        Document stored = new Document("catalog", tag.catalog().name())
                .append("branchCode", tag.branchCode())
                .append("branchName", tag.branchName())
                .append("parentName", tag.parentName())
                .append("strength", tag.strength().name())
                .append("rule", tag.evidence().ruleIndex())
                .append("pattern", tag.evidence().pattern())
                .append("matchedIpc", tag.evidence().code().canonical());
        if (tag.evidence().keyword() != null) {
            stored.append("keyword", tag.evidence().keyword());
        }
        return stored;
    }

    private static Document value(ValueScore score) {
        List<Document> indicators = score.indicators().stream().map(indicator -> new Document("code",
                indicator.code())
                .append("input", indicator.rawInput())
                .append("score", indicator.score())
                .append("weight", indicator.weight())
                .append("contribution", indicator.contribution())).toList();
        return new Document("total", score.total())
                .append("legal", score.legal())
                .append("technical", score.technical())
                .append("economic", score.economic())
                .append("scenario", score.scenario().name())
                .append("indicators", indicators);
    }

    /** A stored tag as the detail view shows it, with its catalogue name and explanation derived if not stored. */
    static PatentDetail.Tag tagView(Document tag) {
        String catalog = tag.getString("catalog");
        String catalogName = tag.getString("catalogName");
        if (catalogName == null) {
            catalogName = catalogOf(catalog).map(Catalog::chineseName).orElse(catalog);
        }
        String explanation = tag.getString("explanation");
        if (explanation == null) {
            explanation = SegmentTag.explanation(TagStrength.valueOf(tag.getString("strength")),
                    tag.getInteger("rule", 0), tag.getString("pattern"), tag.getString("matchedIpc"),
                    tag.getString("keyword"));
        }
        return new PatentDetail.Tag(catalog, catalogName, tag.getString("branchCode"), tag.getString("branchName"),
                tag.getString("parentName"), tag.getString("strength"), tag.getString("pattern"),
                tag.getString("matchedIpc"), tag.getString("keyword"), explanation);
    }

    /** A stored indicator as the detail view shows it, with its dimension and names derived if not stored. */
    static PatentDetail.Indicator indicatorView(Document indicator) {
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
