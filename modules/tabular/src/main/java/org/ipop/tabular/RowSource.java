package org.ipop.tabular;

/**
 * Where the rows of a file come from — a CSV text or the first sheet of a workbook — read one at a time, so that a
 * file of any length needs the memory of one row.
 */
sealed interface RowSource extends AutoCloseable permits CsvRowSource, XlsxRowSource {

    /**
     * The next row as the file has it, blank rows included, or null after the last one.
     *
     * @throws TabularFileRefused if the rest of the file cannot be read
     */
    TabularRow next();

    @Override
    void close();
}
