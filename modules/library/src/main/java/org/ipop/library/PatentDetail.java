package org.ipop.library;

import java.util.List;
import java.util.Map;

/**
 * Everything the platform knows about one patent of the library: its bibliographic record, the industry-segment tags
 * with the rule behind each, the value score with its per-indicator breakdown, the tier and why, where it stands in
 * screening with the complete history, the changes re-imports made, whether it is published to the network, and
 * whether it is still available for a deal.
 */
public record PatentDetail(String id, String institution, Bibliographic record, List<Tag> tags, Value value,
        String tier, String tierReason, String status, SelfAssessment selfAssessment, ReviewDecision review,
        List<ScreeningStep> history, List<Change> changes, boolean published, String spotCheckedAt, Deal deal) {

    /** Whether the patent can still be the object of a deal ({@link DealStatus}), who said so and when. */
    public record Deal(String status, String statusName, String note, String by, String at) {
    }

    /**
     * The bibliographic record as the API shows it: dates as ISO-8601 text (Liberty's JSON-B cannot write
     * {@code java.time} values inside records, see ADR 0001).
     */
    public record Bibliographic(String applicationNumber, String publicationNumber, String grantNumber, String type,
            String title, String abstractText, String firstClaim, List<String> applicants, String applicantType,
            List<String> inventors, String filingDate, String publicationDate, String grantDate, String legalStatus,
            String mainIpc, List<String> ipcCodes, String provinceCode, int transfers, int licences, int pledges,
            int citations, int familySize, boolean governmentFunded, String fundingProgramme,
            Map<String, String> extra) {

        public static Bibliographic of(PatentRecord record) {
            return new Bibliographic(record.applicationNumber(), record.publicationNumber(), record.grantNumber(),
                    record.type() == null ? null : record.type().name(), record.title(), record.abstractText(),
                    record.firstClaim(), record.applicants(),
                    record.applicantType() == null ? null : record.applicantType().name(), record.inventors(),
                    text(record.filingDate()), text(record.publicationDate()), text(record.grantDate()),
                    record.legalStatus(), record.mainIpc(), record.ipcCodes(), record.provinceCode(),
                    record.transfers(), record.licences(), record.pledges(), record.citations(), record.familySize(),
                    record.governmentFunded(), record.fundingProgramme(), record.extra());
        }

        private static String text(java.time.LocalDate date) {
            return date == null ? null : date.toString();
        }
    }

    /** Why a patent carries a segment: the catalogue, the branch, and the rule (pattern, code, keyword). */
    public record Tag(String catalog, String catalogName, String branchCode, String branchName, String parentName,
            String strength, String pattern, String matchedIpc, String keyword, String explanation) {
    }

    public record Value(double total, double legal, double technical, double economic, String scenario,
            List<Indicator> indicators) {
    }

    public record Indicator(String dimension, String code, String nameZh, String nameEn, String input, double score,
            double weight, double contribution) {
    }

    /** One re-import that changed fields of the record. */
    public record Change(String at, String job, String by, List<Map<String, String>> fields) {
    }
}
