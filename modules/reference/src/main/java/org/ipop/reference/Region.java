package org.ipop.reference;

/** An administrative division: province, prefecture (city) or county, by its 6-digit statistical code. */
public record Region(String code, String name, String level, String parentCode, String provinceCode) {

    public boolean isProvince() {
        return "province".equals(level);
    }
}
