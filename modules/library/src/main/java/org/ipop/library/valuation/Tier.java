package org.ipop.library.valuation;

/**
 * A tier of the resource library (分层推广), such as {@code A 重点推广}. Each tier gets its own promotion strategy;
 * which patents fall in it is the tenant's {@link TierPolicy}.
 */
public record Tier(String code, String nameZh, String nameEn) {

    public Tier {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code: required");
        }
        if (nameZh == null || nameZh.isBlank()) {
            throw new IllegalArgumentException("names.zh: required");
        }
        if (nameEn == null || nameEn.isBlank()) {
            throw new IllegalArgumentException("names.en: required");
        }
        code = code.strip();
        nameZh = nameZh.strip();
        nameEn = nameEn.strip();
    }
}
