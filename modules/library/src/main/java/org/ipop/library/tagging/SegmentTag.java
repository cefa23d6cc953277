package org.ipop.library.tagging;

import java.util.Objects;

/**
 * A patent's membership of one branch of a concordance catalog.
 *
 * @param catalog    the catalog the branch belongs to
 * @param branchCode the branch number as the table prints it ({@code 1.3}, {@code 2.3.1.1}); in
 *                   {@link Catalog#KEY_DIGITAL_2023} numbers repeat across sub-systems, so the branch is identified
 *                   by {@code parentName} and {@code branchCode} together
 * @param branchName the branch's name, e.g. 新兴软件和新型信息技术服务
 * @param parentName the level above the branch: the SEI industry (新一代信息技术产业), the key-digital sub-system
 *                   (人工智能) or the 新三样 / green-tech group (电动汽车, 清洁能源)
 * @param strength   keyword-confirmed or IPC-only, see {@link TagStrength}
 * @param evidence   the rule, pattern, code and keyword that produced the tag
 */
public record SegmentTag(Catalog catalog, String branchCode, String branchName, String parentName,
                         TagStrength strength, TagEvidence evidence) {

    public SegmentTag {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(branchCode, "branchCode");
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(evidence, "evidence");
    }

    /**
     * A one-line Chinese explanation for the user, e.g.
     * {@code 分类号 H04N5/225 属于 H04N5*（第 2 条规则），文本含关键词「摄像头」}.
     */
    public String explanation() {
        return explanation(strength, evidence.ruleIndex(), evidence.pattern(), evidence.code().canonical(),
                evidence.keyword());
    }

    /**
     * The explanation of a tag from its stored parts, so that a stored tag need not carry its own sentence (see
     * {@link #explanation()}).
     */
    public static String explanation(TagStrength strength, int ruleIndex, String pattern, String matchedCode,
            String keyword) {
        String match = "分类号 " + matchedCode + " 属于 " + pattern + "（第 " + (ruleIndex + 1) + " 条规则）";
        if (keyword != null) {
            return match + "，文本含关键词「" + keyword + "」";
        }
        return strength == TagStrength.KEYWORD_CONFIRMED
                ? match + "，参照表标注该分类号全部涉及本领域"
                : match + "，文本中未见该规则的关键词，仅凭分类号";
    }
}
