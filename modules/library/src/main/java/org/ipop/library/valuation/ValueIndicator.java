package org.ipop.library.valuation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The indicators the platform can compute from the data it holds, each under one {@link ValueDimension}. They
 * stand in for GB/T 42748's third-level indicators where the platform has the data (see docs/valuation.md for
 * which of the standard's indicators they approximate, and which the platform cannot compute yet). The formulas
 * live in {@code IndicatorFormulas}. {@link #code()} is the key in JSON and in {@link ValueScore.Indicator}.
 */
public enum ValueIndicator {
    LEGAL_STATUS(ValueDimension.LEGAL, "legalStatus", "法律状态", "Legal status"),
    REMAINING_TERM(ValueDimension.LEGAL, "remainingTerm", "剩余保护期", "Remaining term"),
    PATENT_TYPE(ValueDimension.LEGAL, "patentType", "专利类型（稳定性）", "Patent type (stability)"),
    CLAIM_BREADTH(ValueDimension.LEGAL, "claimBreadth", "保护范围（首项权利要求长度）",
            "Claim breadth (length of the first claim)"),
    INVALIDATION_HISTORY(ValueDimension.LEGAL, "invalidationHistory", "无效宣告记录", "Invalidation history"),

    IPC_BREADTH(ValueDimension.TECHNICAL, "ipcBreadth", "技术覆盖面（IPC 小类数）",
            "Technical breadth (distinct IPC subclasses)"),
    FORWARD_CITATIONS(ValueDimension.TECHNICAL, "forwardCitations", "被引证次数", "Forward citations"),
    FAMILY_SIZE(ValueDimension.TECHNICAL, "familySize", "同族规模", "Family size"),
    GOVERNMENT_FUNDING(ValueDimension.TECHNICAL, "governmentFunding", "财政资助科研成果", "Government-funded result"),

    TRANSFERS(ValueDimension.ECONOMIC, "transfers", "转让次数", "Transfers"),
    LICENCES(ValueDimension.ECONOMIC, "licences", "许可次数", "Licences"),
    PLEDGES(ValueDimension.ECONOMIC, "pledges", "质押次数", "Pledges"),
    ENTERPRISE_FEEDBACK(ValueDimension.ECONOMIC, "enterpriseFeedback", "企业反馈", "Enterprise feedback"),
    APPLICANT_TYPE(ValueDimension.ECONOMIC, "applicantType", "权利人类型", "Applicant type");

    private final ValueDimension dimension;
    private final String code;
    private final String nameZh;
    private final String nameEn;

    ValueIndicator(ValueDimension dimension, String code, String nameZh, String nameEn) {
        this.dimension = dimension;
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public ValueDimension dimension() {
        return dimension;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The indicators of one dimension, in declaration order. */
    public static List<ValueIndicator> of(ValueDimension dimension) {
        return Arrays.stream(values()).filter(i -> i.dimension == dimension).toList();
    }

    /** The indicator with this code (codes are unique across dimensions). */
    public static Optional<ValueIndicator> ofCode(String code) {
        return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
    }

    public static Optional<ValueIndicator> ofCode(ValueDimension dimension, String code) {
        return of(dimension).stream().filter(i -> i.code.equals(code)).findFirst();
    }
}
