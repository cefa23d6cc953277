package org.ipop.library.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.ipop.kernel.TenantId;
import org.ipop.library.DealStatus;
import org.ipop.library.MatchablePatent;
import org.ipop.library.PatentDetail;
import org.ipop.library.PatentSummary;
import org.ipop.library.ReviewDecision;
import org.ipop.library.ScreeningStatus;
import org.ipop.library.ScreeningStep;
import org.ipop.library.SelfAssessment;

/** Reads the API's views of a patent out of its document. */
public final class PatentViews {

    private PatentViews() {
    }

    public static PatentSummary summary(Document doc) {
        Document biblio = doc.get("biblio", new Document());
        Document analysis = doc.get("analysis", new Document());
        Document value = analysis.get("value", new Document());
        List<String> segments = headlineSegments(analysis);
        return new PatentSummary(doc.getString("_id"), biblio.getString("title"), doc.getString("institution"),
                biblio.getString("type"), biblio.getString("legalStatus"), biblio.getString("filingDate"),
                biblio.getString("mainIpc"), doc.getString("status"), analysis.getString("tier"),
                number(value, "total"), segments, doc.getBoolean("published", false));
    }

    public static PatentDetail detail(Document doc) {
        Document analysis = doc.get("analysis", new Document());
        List<PatentDetail.Tag> tags = AnalysisDocuments.tags(analysis).stream()
                .map(AnalysisDocuments::tagView).toList();
        Document value = analysis.get("value", new Document());
        List<PatentDetail.Indicator> indicators = AnalysisDocuments.indicatorViews(value);
        Document assessment = doc.get("selfAssessment", Document.class);
        Document review = doc.get("review", Document.class);
        List<ScreeningStep> history = doc.getList("history", Document.class, List.of()).stream()
                .map(step -> new ScreeningStep(step.getString("at"), step.getString("actor"),
                        step.getString("from") == null ? null : ScreeningStatus.valueOf(step.getString("from")),
                        ScreeningStatus.valueOf(step.getString("to")), step.getString("reason"))).toList();
        List<PatentDetail.Change> changes = new ArrayList<>();
        for (Document change : doc.getList("changes", Document.class, List.of())) {
            List<Map<String, String>> fields = new ArrayList<>();
            for (Document field : change.getList("fields", Document.class, List.of())) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("field", field.getString("field"));
                entry.put("from", field.getString("from"));
                entry.put("to", field.getString("to"));
                fields.add(entry);
            }
            changes.add(new PatentDetail.Change(change.getDate("at").toInstant().toString(),
                    change.getString("job"), change.getString("by"), fields));
        }
        Document spotCheck = doc.get("spotCheck", Document.class);
        Document deal = doc.get("deal", new Document());
        DealStatus dealStatus = DealStatus.parse(deal.getString("status")).orElse(DealStatus.AVAILABLE);
        return new PatentDetail(doc.getString("_id"), doc.getString("institution"),
                PatentDetail.Bibliographic.of(PatentDocuments.record(doc.get("biblio", new Document()))), tags,
                new PatentDetail.Value(number(value, "total"), number(value, "legal"), number(value, "technical"),
                        number(value, "economic"), value.getString("scenario"), indicators),
                analysis.getString("tier"), analysis.getString("tierReason"), doc.getString("status"),
                assessment == null ? null : new SelfAssessment(
                        SelfAssessment.Prospect.valueOf(assessment.getString("prospect")),
                        assessment.getString("notes"), assessment.getString("intendedMode") == null ? null
                                : SelfAssessment.ConversionMode.valueOf(assessment.getString("intendedMode"))),
                review == null ? null : new ReviewDecision(ReviewDecision.Outcome.valueOf(review.getString("outcome")),
                        review.getString("reason")),
                history, changes, doc.getBoolean("published", false),
                spotCheck == null ? null : spotCheck.getString("at"),
                new PatentDetail.Deal(dealStatus.name(), dealStatus.chinese(), deal.getString("note"),
                        deal.getString("by"), deal.getString("at")));
    }

    /**
     * The segments a list shows: every SEI tag (the catalogue matching and statistics use) and the keyword-confirmed
     * tags of the other catalogues. Some key-digital rules cover whole subclasses, so their IPC-only tags run into
     * the dozens per patent; the detail view shows them all, with the rule behind each.
     */
    static List<String> headlineSegments(Document analysis) {
        return AnalysisDocuments.tags(analysis).stream()
                .filter(tag -> "SEI_2021".equals(tag.catalog()) || tag.keywordConfirmed())
                .map(tag -> tag.segmentKey() + " " + tag.branchName()).toList();
    }

    /** A stored patent as matching sees it. */
    static MatchablePatent matchable(TenantId tenant, Document doc) {
        Document biblio = doc.get("biblio", new Document());
        Document analysis = doc.get("analysis", new Document());
        List<MatchablePatent.Segment> segments = AnalysisDocuments.tags(analysis).stream()
                .map(tag -> new MatchablePatent.Segment(tag.catalog(), tag.segmentKey(), tag.branchCode(),
                        tag.branchName(), tag.keywordConfirmed()))
                .toList();
        return new MatchablePatent(tenant.value(), doc.getString("_id"), biblio.getString("title"),
                biblio.getString("abstract"), biblio.getString("firstClaim"), doc.getString("institution"), segments,
                biblio.getList("ipc", String.class, List.of()), biblio.getString("province"),
                analysis.getString("tier"), number(analysis.get("value", new Document()), "total"),
                doc.getBoolean("published", false));
    }

    static double number(Document doc, String field) {
        return doc.get(field) instanceof Number n ? n.doubleValue() : 0;
    }
}
