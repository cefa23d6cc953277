package org.ipop.library;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One patent of an institution's inventory as the platform keeps it: the bibliographic fields an import row carries,
 * validated. {@code ipcCodes} are canonical IPC strings such as {@code B64U20/80} (main code first);
 * {@code extra} keeps every other column of the row, header to value, as it came.
 */
public record PatentRecord(
        String applicationNumber,
        String publicationNumber,
        String grantNumber,
        PatentType type,
        String title,
        String abstractText,
        String firstClaim,
        List<String> applicants,
        ApplicantType applicantType,
        List<String> inventors,
        LocalDate filingDate,
        LocalDate publicationDate,
        LocalDate grantDate,
        String legalStatus,
        String mainIpc,
        List<String> ipcCodes,
        String provinceCode,
        int transfers,
        int licences,
        int pledges,
        int citations,
        int familySize,
        boolean governmentFunded,
        String fundingProgramme,
        Map<String, String> extra) {

    public PatentRecord {
        Objects.requireNonNull(applicationNumber, "applicationNumber");
        Objects.requireNonNull(title, "title");
        applicants = List.copyOf(applicants);
        inventors = List.copyOf(inventors);
        ipcCodes = List.copyOf(ipcCodes);
        extra = Map.copyOf(extra);
    }
}
