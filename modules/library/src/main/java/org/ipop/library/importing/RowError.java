package org.ipop.library.importing;

import java.util.Objects;

/**
 * One refused cell of an inventory row: the row number a user sees in Excel (the header is row 1), the column
 * header as written in the file, the value found there (null if the cell was empty; its first
 * {@value #VALUE_SHOWN} characters and an ellipsis if it is longer) and why it was refused, in Chinese and English.
 * A row has at most one error per column.
 *
 * <p>Why the value is cut: errors are stored and downloaded with the job, and a refused cell can be as long as the
 * file (a runaway quote in a CSV); the reason says what was wrong with the whole value.
 */
public record RowError(int rowNumber, String column, String value, String reason) {

    static final int VALUE_SHOWN = 200;

    public RowError {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(reason, "reason");
        if (value != null && value.length() > VALUE_SHOWN) {
            int end = Character.isHighSurrogate(value.charAt(VALUE_SHOWN - 1)) ? VALUE_SHOWN - 1 : VALUE_SHOWN;
            value = value.substring(0, end) + "…";
        }
    }
}
