package org.ipop.reference;

/** A branch of the strategic emerging industries (e.g. {@code 6.4} 氢能产业), as the SEI 2021 concordance names it. */
public record IndustryBranch(String code, String name, String industryCode, String industryName) {
}
