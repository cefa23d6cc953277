package org.ipop.library.valuation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ipop.library.ApplicantType;
import org.ipop.library.PatentRecord;
import org.ipop.library.PatentType;

/**
 * Builds the patents of the tests: by default a university's invention filed on 2020-01-01, granted, one IPC code,
 * with a first claim of about 60 characters and no citations, family, funding or market history.
 */
final class PatentBuilder {

    private final PatentType type;
    private String firstClaim = "1.一种测试装置，其特征在于，包括壳体（1）和设置在壳体（1）内的控制模块（2），所述控制模块与传感器连接。";
    private ApplicantType applicantType = ApplicantType.UNIVERSITY;
    private LocalDate filingDate = LocalDate.of(2020, 1, 1);
    private LocalDate grantDate = LocalDate.of(2022, 1, 1);
    private String legalStatus = "有权-审定授权";
    private List<String> ipcCodes = List.of("G01N33/00");
    private int transfers;
    private int licences;
    private int pledges;
    private int citations;
    private int familySize;
    private boolean governmentFunded;
    private String fundingProgramme;
    private final Map<String, String> extra = new HashMap<>();

    private PatentBuilder(PatentType type) {
        this.type = type;
    }

    static PatentBuilder invention() {
        return new PatentBuilder(PatentType.INVENTION);
    }

    static PatentBuilder utilityModel() {
        return new PatentBuilder(PatentType.UTILITY_MODEL);
    }

    static PatentBuilder design() {
        return new PatentBuilder(PatentType.DESIGN).claim(null);
    }

    PatentBuilder filed(LocalDate filingDate) {
        this.filingDate = filingDate;
        return this;
    }

    PatentBuilder granted(LocalDate grantDate) {
        this.grantDate = grantDate;
        return this;
    }

    PatentBuilder status(String legalStatus) {
        this.legalStatus = legalStatus;
        return this;
    }

    PatentBuilder claim(String firstClaim) {
        this.firstClaim = firstClaim;
        return this;
    }

    PatentBuilder applicant(ApplicantType applicantType) {
        this.applicantType = applicantType;
        return this;
    }

    PatentBuilder ipc(String... codes) {
        this.ipcCodes = List.of(codes);
        return this;
    }

    PatentBuilder transfers(int transfers) {
        this.transfers = transfers;
        return this;
    }

    PatentBuilder licences(int licences) {
        this.licences = licences;
        return this;
    }

    PatentBuilder pledges(int pledges) {
        this.pledges = pledges;
        return this;
    }

    PatentBuilder citations(int citations) {
        this.citations = citations;
        return this;
    }

    PatentBuilder family(int familySize) {
        this.familySize = familySize;
        return this;
    }

    PatentBuilder funded(String programme) {
        this.governmentFunded = true;
        this.fundingProgramme = programme;
        return this;
    }

    PatentBuilder extra(String column, String value) {
        extra.put(column, value);
        return this;
    }

    PatentRecord build() {
        return new PatentRecord("CN202010000001.0", null, grantDate == null ? null : "CN111111111B", type,
                "一种测试装置", "", firstClaim, List.of("某大学"), applicantType, List.of("张三"), filingDate, null, grantDate,
                legalStatus, ipcCodes.isEmpty() ? null : ipcCodes.getFirst(), ipcCodes, "420000", transfers,
                licences, pledges, citations, familySize, governmentFunded, fundingProgramme, extra);
    }
}
