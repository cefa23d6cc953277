package org.ipop.library;

/**
 * Where a patent stands in screening (筛选入库): inventoried by its institution, self-assessed by it, then reviewed
 * by an operator — admitted to the convertible library, flagged as having unclear industrial prospects
 * (产业化前景不明), or rejected.
 */
public enum ScreeningStatus {
    INVENTORIED("已盘点"),
    SELF_ASSESSED("已自评"),
    ADMITTED("已入库"),
    FLAGGED_UNCLEAR("产业化前景不明"),
    REJECTED("未通过");

    private final String chinese;

    ScreeningStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    public boolean isReviewed() {
        return this == ADMITTED || this == FLAGGED_UNCLEAR || this == REJECTED;
    }
}
