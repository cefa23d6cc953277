package org.ipop.library.persistence;

import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.ipop.library.search.PatentSearchDocument;

/** What the search indexes keep of a patent document and of a network catalogue entry. */
final class SearchDocuments {

    private SearchDocuments() {
    }

    static PatentSearchDocument of(Document doc) {
        Document biblio = doc.get("biblio", new Document());
        Document analysis = doc.get("analysis", new Document());
        List<String> ipc = biblio.getList("ipc", String.class, List.of());
        return new PatentSearchDocument(doc.getString("_id"), biblio.getString("title"), biblio.getString("abstract"),
                biblio.getString("firstClaim"), doc.getString("institution"), biblio.getString("type"),
                biblio.getString("legalStatus"),
                AnalysisDocuments.tags(analysis).stream().map(AnalysisDocuments.StoredTag::segmentKey).toList(),
                subclasses(ipc), ipc,
                analysis.getString("tier"), doc.getString("status"), biblio.getString("province"),
                date(biblio.getString("filingDate")),
                PatentViews.number(analysis.get("value", new Document()), "total"), doc.getBoolean("published", false));
    }

    /**
     * A network catalogue entry ({@link MongoCatalogue}), keyed by its catalogue key: public fields only — no claim,
     * tier, screening status, region or value.
     */
    static PatentSearchDocument ofCatalogueEntry(Document entry) {
        List<String> ipc = entry.getList("ipc", String.class, List.of());
        return new PatentSearchDocument(entry.getString("_id"), entry.getString("title"), entry.getString("abstract"),
                null, entry.getString("institution"), entry.getString("type"), entry.getString("legalStatus"),
                segmentCodes(entry), subclasses(ipc), ipc, null, null, null, date(entry.getString("filingDate")),
                Double.NaN, true);
    }

    /** {@code SEI_2021:6.4} for each tag of a catalogue entry. */
    private static List<String> segmentCodes(Document entry) {
        return entry.getList("tags", Document.class, List.of()).stream()
                .map(tag -> tag.getString("catalog") + ":" + tag.getString("branchCode")).toList();
    }

    private static List<String> subclasses(List<String> ipc) {
        return ipc.stream().map(code -> code.length() >= 4 ? code.substring(0, 4) : code).distinct().toList();
    }

    private static LocalDate date(String isoDate) {
        return isoDate == null ? null : LocalDate.parse(isoDate);
    }
}
