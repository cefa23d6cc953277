package org.ipop.enterprises;

import java.util.List;

/**
 * The outcome of a bulk import of enterprises: how many data rows were read, created, changed and refused, and for
 * every refused row each bad cell (row number as Excel shows it, column header, value, reason).
 */
public record EnterpriseImportReport(String fileName, long rows, long created, long updated, long refusedRows,
        List<RowProblem> errors) {

    public record RowProblem(int row, String column, String value, String reason) {
    }
}
