package org.ipop.tabular;

import java.util.List;

/**
 * One row of a tabular file: its number as a user sees it in Excel (the first row of the file is 1) and its cells'
 * texts by column, as the file has them (a CSV field's text, an XLSX cell as Excel shows it).
 */
public record TabularRow(int number, List<String> cells) {

    /**
     * The most characters an Excel cell holds. A longer cell cannot come from a spreadsheet (a CSV with a runaway
     * quote swallows the rows after it into one cell), and importers refuse it on its row: stored, it could make a
     * document exceed MongoDB's 16 MB and fail the whole import at its batch.
     */
    public static final int MAX_CELL_CHARS = 32_767;

    public TabularRow {
        cells = List.copyOf(cells);
    }

    /** The text of the cell in a zero-based column, or "" when the row is shorter. */
    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    /** A row without any text: spreadsheets leave such rows between and after the data. */
    boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
