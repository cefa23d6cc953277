package org.ipop.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The row-level error report of an import, as users download it: a CSV with a byte-order mark, so that Excel on
 * Chinese Windows opens it as UTF-8, one line per refused cell (row as Excel numbers it, column, value, reason).
 */
public final class ErrorReport {

    /** One refused cell. */
    public record Cell(long row, String column, String value, String reason) {
    }

    private ErrorReport() {
    }

    /** Writes the report; the stream is flushed, not closed. */
    public static void writeCsv(OutputStream output, Iterable<Cell> cells) throws IOException {
        Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL);
        printer.printRecord("行号 row", "列 column", "值 value", "原因 reason");
        for (Cell cell : cells) {
            printer.printRecord(cell.row(), cell.column(), cell.value(), cell.reason());
        }
        printer.flush();
    }
}
