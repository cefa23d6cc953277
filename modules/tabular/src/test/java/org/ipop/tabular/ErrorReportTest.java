package org.ipop.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ErrorReportTest {

    @Test
    void aValueIsShownWholeUpToTheLimitAndCutWithAnEllipsisBeyondIt() {
        String exactly = "储".repeat(ErrorReport.VALUE_SHOWN);
        assertEquals(exactly, ErrorReport.shown(exactly));
        assertEquals(exactly + "…", ErrorReport.shown(exactly + "能"));
        assertEquals("short", ErrorReport.shown("short"));
        assertNull(ErrorReport.shown(null));
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String grinning = "\uD83D\uDE00"; // one character, two chars
        String value = "a".repeat(ErrorReport.VALUE_SHOWN - 1) + grinning + "tail";
        assertEquals("a".repeat(ErrorReport.VALUE_SHOWN - 1) + "…", ErrorReport.shown(value));
    }

    @Test
    void aTooLongCellIsExplainedWithItsLengthAndTheLimit() {
        assertEquals("共 40,000 个字符，超过单元格上限 32,767 / 40,000 characters, more than a cell holds (32,767)",
                ErrorReport.tooLong("x".repeat(40_000)));
    }
}
