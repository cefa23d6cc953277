package org.ipop.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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

    /** How many characters of a refused value an error keeps. */
    public static final int VALUE_SHOWN = 200;

    private ErrorReport() {
    }

    /**
     * The value as an error keeps it: the first {@value #VALUE_SHOWN} characters and an ellipsis if it is longer
     * (never half a surrogate pair), null as null. Errors are stored and downloaded with their job, and a refused
     * cell can be as long as the file; the reason says what was wrong with the whole value.
     */
    public static String shown(String value) {
        if (value == null || value.length() <= VALUE_SHOWN) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(VALUE_SHOWN - 1)) ? VALUE_SHOWN - 1 : VALUE_SHOWN;
        return value.substring(0, end) + "…";
    }

    /** Why a cell longer than {@link TabularRow#MAX_CELL_CHARS} is refused, in Chinese and English. */
    public static String tooLong(String value) {
        return String.format(Locale.ROOT, "共 %,d 个字符，超过单元格上限 %,d / %,d characters, more than a cell holds (%,d)",
                value.length(), TabularRow.MAX_CELL_CHARS, value.length(), TabularRow.MAX_CELL_CHARS);
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
