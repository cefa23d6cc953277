package org.ipop.library.importing;

import java.util.List;

/** One row of a file: its number as a user sees it in Excel (the first row is 1) and its cells' texts by column. */
record SourceRow(int number, List<String> cells) {

    SourceRow {
        cells = List.copyOf(cells);
    }

    /** A row without any text: spreadsheets leave such rows between and after the data. */
    boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
