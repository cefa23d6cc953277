package org.ipop.library.persistence;

import java.util.List;
import org.bson.Document;
import org.ipop.library.domain.AnalyzedPatent;
import org.ipop.library.tagging.SegmentTag;
import org.ipop.library.valuation.ValueScore;

/**
 * The {@code analysis} sub-document of a patent: what the platform derived from its record — segment tags with
 * the rule behind each, the value score with its breakdown, the tier and why. Recomputed whenever an input changes.
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
        return new Document("catalog", tag.catalog().name())
                .append("catalogName", tag.catalog().chineseName())
                .append("branchCode", tag.branchCode())
                .append("branchName", tag.branchName())
                .append("parentName", tag.parentName())
                .append("strength", tag.strength().name())
                .append("rule", tag.evidence().ruleIndex())
                .append("pattern", tag.evidence().pattern())
                .append("matchedIpc", tag.evidence().code().canonical())
                .append("keyword", tag.evidence().keyword())
                .append("explanation", tag.explanation());
    }

    private static Document value(ValueScore score) {
        List<Document> indicators = score.indicators().stream().map(indicator -> new Document("dimension",
                indicator.dimension().name())
                .append("code", indicator.code())
                .append("nameZh", indicator.nameZh())
                .append("nameEn", indicator.nameEn())
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
}
