package org.ipop.library.persistence;

import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.ipop.library.search.PatentSearchDocument;

/** What the search index keeps of a patent document. */
final class SearchDocuments {

    private SearchDocuments() {
    }

    static PatentSearchDocument of(Document doc) {
        Document biblio = doc.get("biblio", new Document());
        Document analysis = doc.get("analysis", new Document());
        List<String> ipc = biblio.getList("ipc", String.class, List.of());
        List<String> segments = analysis.getList("tags", Document.class, List.of()).stream()
                .map(tag -> tag.getString("catalog") + ":" + tag.getString("branchCode")).toList();
        String filing = biblio.getString("filingDate");
        return new PatentSearchDocument(doc.getString("_id"), biblio.getString("title"), biblio.getString("abstract"),
                biblio.getString("firstClaim"), doc.getString("institution"), biblio.getString("type"),
                biblio.getString("legalStatus"), segments,
                ipc.stream().map(code -> code.length() >= 4 ? code.substring(0, 4) : code).distinct().toList(), ipc,
                analysis.getString("tier"), doc.getString("status"), biblio.getString("province"),
                filing == null ? null : LocalDate.parse(filing),
                PatentViews.number(analysis.get("value", new Document()), "total"), doc.getBoolean("published", false));
    }
}
