package org.ipop.library.valuation;

/**
 * The tier a patent falls in and why, for the UI: the conditions of the tier that held, such as
 * {@code 价值分 72.3 ≥ 70；筛选结果 ADMITTED}, or that no tier's conditions held and the default applies.
 */
public record TierAssignment(Tier tier, String reasonZh, String reasonEn) {

    public String code() {
        return tier.code();
    }
}
