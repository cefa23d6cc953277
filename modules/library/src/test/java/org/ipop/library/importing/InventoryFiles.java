package org.ipop.library.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.ipop.library.PatentRecord;

/** Inventory files for the tests: the real sample, and variants generated from tables of cells. */
final class InventoryFiles {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** "Today" for tests that need one: 1 January 2025 in China. */
    static final Clock NEW_YEAR_2025 = Clock.fixed(LocalDate.of(2025, 1, 1).atStartOfDay(CHINA).toInstant(), CHINA);

    private InventoryFiles() {
    }

    /** The real export, as stored: UTF-8 without byte order mark. */
    static byte[] sample() {
        try (InputStream in = InventoryFiles.class.getResourceAsStream("/org/ipop/library/demo/patents.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real export as a table: the header row and the 10 data rows. */
    static List<List<String>> sampleTable() {
        return parse(new String(sample(), StandardCharsets.UTF_8));
    }

    static List<List<String>> parse(String csv) {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.DEFAULT)) {
            return parser.stream().map(CSVRecord::toList).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table as CSV text (comma, quotes where needed, CRLF as Excel writes). */
    static String csv(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecords(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A table as an XLSX workbook, written as Excel would hold it: texts in the shared strings table, whole numbers
     * as number cells, and the columns named in {@code dateColumns} as date cells formatted yyyy/m/d.
     */
    static Path xlsx(Path directory, List<List<String>> rows, Set<String> dateColumns) throws IOException {
        Path file = Files.createTempFile(directory, "inventory-", ".xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, true);
                OutputStream out = Files.newOutputStream(file)) {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            Sheet sheet = workbook.createSheet("专利清单");
            List<String> header = rows.getFirst();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    String value = values.get(c);
                    if (value.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (r > 0 && dateColumns.contains(header.get(c)) && value.matches("\\d{8}")) {
                        cell.setCellValue(LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE));
                        cell.setCellStyle(dateStyle);
                    } else if (r > 0 && value.matches("\\d{1,9}")) {
                        cell.setCellValue(Double.parseDouble(value));
                    } else {
                        cell.setCellValue(value);
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }

    /** Every row of a file, read with the real clock. */
    static List<InventoryRow> readAll(byte[] content, String fileName) {
        return readAll(content, fileName, Clock.system(CHINA));
    }

    static List<InventoryRow> readAll(byte[] content, String fileName, Clock clock) {
        try (InventoryReader reader = InventoryReader.open(new ByteArrayInputStream(content), fileName, clock)) {
            return reader.stream().toList();
        }
    }

    /** The records of rows that must all be valid. */
    static List<PatentRecord> records(List<InventoryRow> rows) {
        List<PatentRecord> records = new ArrayList<>();
        for (InventoryRow row : rows) {
            if (!(row instanceof InventoryRow.Valid valid)) {
                throw new AssertionError("row " + row.rowNumber() + " is invalid: " + row);
            }
            records.add(valid.record());
        }
        return records;
    }

    /** A table without the named columns. */
    static List<List<String>> withoutColumns(List<List<String>> rows, Set<String> dropped) {
        List<String> header = rows.getFirst();
        return rows.stream().map(row -> {
            List<String> kept = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                if (!dropped.contains(header.get(c))) {
                    kept.add(row.get(c));
                }
            }
            return List.copyOf(kept);
        }).toList();
    }
}
