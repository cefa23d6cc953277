package org.ipop.library;

/** The institution's own view of a patent (自评): its prospects, notes, and how it would like to convert it. */
public record SelfAssessment(Prospect prospect, String notes, ConversionMode intendedMode) {

    public enum Prospect {
        GOOD, UNCLEAR
    }

    /** 转让 / 许可 / 开放许可 / 作价入股. */
    public enum ConversionMode {
        TRANSFER, LICENCE, OPEN_LICENCE, EQUITY
    }
}
