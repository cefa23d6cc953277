package org.ipop.library.importing;

/**
 * Where the rows of an inventory come from — a CSV text or the first sheet of a workbook — read one at a time, so
 * that a file of any length needs the memory of one row.
 */
sealed interface RowSource extends AutoCloseable permits CsvRowSource, XlsxRowSource {

    /**
     * The next row as the file has it, blank rows included, or null after the last one.
     *
     * @throws InventoryRefused if the rest of the file cannot be read
     */
    SourceRow next();

    @Override
    void close();
}
