package org.ipop.library.importing;

import java.util.Objects;
import org.ipop.tabular.ErrorReport;

/**
 * One refused cell of an inventory row: the row number a user sees in Excel (the header is row 1), the column
 * header as written in the file, the value found there (null if the cell was empty; cut as
 * {@link ErrorReport#shown} cuts it) and why it was refused, in Chinese and English. A row has at most one error per
 * column.
 */
public record RowError(int rowNumber, String column, String value, String reason) {

    public RowError {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(reason, "reason");
        value = ErrorReport.shown(value);
    }
}
