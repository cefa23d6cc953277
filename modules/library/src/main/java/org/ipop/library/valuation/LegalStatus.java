package org.ipop.library.valuation;

import java.util.List;

/**
 * The legal status of a patent as Chinese databases export it: a category before the dash (有权 in force, 审中
 * pending, 无权 no right) and an event after it ({@code 有权-审定授权}, {@code 审中-实质审查},
 * {@code 无权-视为撤回}, {@code 无权-驳回}, {@code 有权-部分无效}), or a bare word ({@code 有权}, {@code 失效}).
 */
public enum LegalStatus {
    IN_FORCE,
    /** Still in force after an invalidation request struck out some of its claims. */
    PARTIALLY_INVALIDATED,
    PENDING,
    /** Withdrawn, rejected, abandoned, expired, invalidated or lapsed for unpaid fees: no right any more. */
    LAPSED,
    UNKNOWN;

    private static final List<String> LAPSE_WORDS = List.of("无权", "失效", "撤回", "驳回", "放弃", "届满", "终止",
            "未缴年费", "全部无效");
    private static final List<String> PENDING_WORDS = List.of("审中", "实审", "实质审查", "公开", "受理");

    /** Lapse words are tested first: {@code 无权-授权后放弃} mentions a grant but is no right. */
    public static LegalStatus read(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        if (text.contains("部分无效")) {
            return PARTIALLY_INVALIDATED;
        }
        if (LAPSE_WORDS.stream().anyMatch(text::contains)) {
            return LAPSED;
        }
        if (text.startsWith("有权") || text.contains("授权") || text.contains("维持")) {
            return IN_FORCE;
        }
        if (PENDING_WORDS.stream().anyMatch(text::contains)) {
            return PENDING;
        }
        return UNKNOWN;
    }
}
