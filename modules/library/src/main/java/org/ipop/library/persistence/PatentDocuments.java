package org.ipop.library.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.ipop.library.ApplicantType;
import org.ipop.library.PatentRecord;
import org.ipop.library.PatentType;

/**
 * Maps a {@link PatentRecord} to the {@code biblio} sub-document of a patent and back. Field by field, so that a
 * re-import can say exactly which fields it changed.
 */
final class PatentDocuments {

    private PatentDocuments() {
    }

    static Document biblio(PatentRecord record) {
        Document doc = new Document();
        put(doc, "applicationNumber", record.applicationNumber());
        put(doc, "publicationNumber", record.publicationNumber());
        put(doc, "grantNumber", record.grantNumber());
        put(doc, "type", record.type() == null ? null : record.type().name());
        put(doc, "title", record.title());
        put(doc, "abstract", record.abstractText());
        put(doc, "firstClaim", record.firstClaim());
        put(doc, "applicants", record.applicants());
        put(doc, "applicantType", record.applicantType() == null ? null : record.applicantType().name());
        put(doc, "inventors", record.inventors());
        put(doc, "filingDate", date(record.filingDate()));
        put(doc, "publicationDate", date(record.publicationDate()));
        put(doc, "grantDate", date(record.grantDate()));
        put(doc, "legalStatus", record.legalStatus());
        put(doc, "mainIpc", record.mainIpc());
        put(doc, "ipc", record.ipcCodes());
        put(doc, "province", record.provinceCode());
        doc.put("transfers", record.transfers());
        doc.put("licences", record.licences());
        doc.put("pledges", record.pledges());
        doc.put("citations", record.citations());
        doc.put("familySize", record.familySize());
        doc.put("governmentFunded", record.governmentFunded());
        put(doc, "fundingProgramme", record.fundingProgramme());
        doc.put("extra", new Document(new LinkedHashMap<>(record.extra())));
        return doc;
    }

    static PatentRecord record(Document biblio) {
        Document extra = biblio.get("extra", new Document());
        Map<String, String> extraValues = new LinkedHashMap<>();
        extra.forEach((key, value) -> extraValues.put(key, String.valueOf(value)));
        return new PatentRecord(biblio.getString("applicationNumber"), biblio.getString("publicationNumber"),
                biblio.getString("grantNumber"), enumOf(PatentType.class, biblio.getString("type")),
                biblio.getString("title"), biblio.getString("abstract"), biblio.getString("firstClaim"),
                strings(biblio, "applicants"), enumOf(ApplicantType.class, biblio.getString("applicantType")),
                strings(biblio, "inventors"), localDate(biblio.getString("filingDate")),
                localDate(biblio.getString("publicationDate")), localDate(biblio.getString("grantDate")),
                biblio.getString("legalStatus"), biblio.getString("mainIpc"), strings(biblio, "ipc"),
                biblio.getString("province"), biblio.getInteger("transfers", 0), biblio.getInteger("licences", 0),
                biblio.getInteger("pledges", 0), biblio.getInteger("citations", 0),
                biblio.getInteger("familySize", 0), biblio.getBoolean("governmentFunded", false),
                biblio.getString("fundingProgramme"), extraValues);
    }

    /** The fields whose values differ, with both values as text, in a stable order. */
    static List<Document> differences(Document before, Document after) {
        List<Document> changes = new ArrayList<>();
        java.util.Set<String> fields = new java.util.LinkedHashSet<>(after.keySet());
        fields.addAll(before.keySet());
        for (String field : fields) {
            Object old = before.get(field);
            Object now = after.get(field);
            if (!java.util.Objects.equals(old, now)) {
                changes.add(new Document("field", field).append("from", text(old)).append("to", text(now)));
            }
        }
        return changes;
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof Document doc ? doc.toJson() : String.valueOf(value);
    }

    private static void put(Document doc, String field, Object value) {
        if (value != null) {
            doc.put(field, value);
        }
    }

    /** Dates as ISO text: exact, comparable, and free of time-zone shifts. */
    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate localDate(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static List<String> strings(Document doc, String field) {
        return doc.getList(field, String.class, List.of());
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
