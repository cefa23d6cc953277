package org.ipop.reference;

/**
 * A code of the national industry classification GB/T 4754-2017 (国民经济行业分类), at any of its four levels:
 * section {@code C} (门类), division {@code 38} (大类), group {@code 384} (中类) or class {@code 3841} (小类).
 *
 * @param parentCode the code of the level above, empty for a section
 */
public record IndustryClass(String code, String name, int level, String levelName, String parentCode,
        String section) {

    /** The division (2 digits) this code belongs to, or empty for a section. */
    public String division() {
        return level >= 2 ? code.substring(0, 2) : "";
    }
}
