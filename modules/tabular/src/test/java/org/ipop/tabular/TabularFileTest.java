package org.ipop.tabular;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.ipop.tabular.testing.TableFixtures.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ipop.tabular.testing.TableFixtures.ClosingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularFileTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** A small export as a Chinese patent database writes it: a quoted value with a comma, a 4-byte character. */
    private static final String TEXT = """
            申请号,专利名称,申请人
            CN202223220665.2,一种无人机机载多功能盒,"中科大数据研究院,郑州"
            CN202122975192.6,一种𠀀形摄像头支架,河南大学
            """;
    private static final List<String> HEADER = List.of("申请号", "专利名称", "申请人");
    private static final List<TabularRow> ROWS = List.of(
            new TabularRow(2, List.of("CN202223220665.2", "一种无人机机载多功能盒", "中科大数据研究院,郑州")),
            new TabularRow(3, List.of("CN202122975192.6", "一种𠀀形摄像头支架", "河南大学")));

    @TempDir
    Path temp;

    // --- CSV: encodings and delimiters ----------------------------------------------------------------------

    @Test
    void utf8TextIsReadAsCsv() {
        try (TabularFile file = open(TEXT.getBytes(UTF_8), "patents.csv")) {
            assertEquals(TabularFile.Format.CSV, file.format());
            assertEquals(Optional.of(UTF_8), file.charset());
            assertEquals("patents.csv", file.fileName());
            assertEquals(HEADER, file.header());
            assertEquals(1, file.headerRowNumber());
            assertEquals(ROWS, file.stream().toList());
        }
    }

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheFirstHeader() {
        try (TabularFile file = open(concat(UTF8_BOM, TEXT.getBytes(UTF_8)), "bom.csv")) {
            assertEquals(Optional.of(UTF_8), file.charset());
            assertEquals(HEADER, file.header());
            assertEquals(ROWS, file.stream().toList());
        }
    }

    @Test
    void textThatIsNotUtf8IsReadAsGb18030() {
        try (TabularFile file = open(TEXT.getBytes(GB18030), "gbk.csv")) {
            assertEquals(Optional.of(GB18030), file.charset());
            assertEquals(HEADER, file.header());
            assertEquals(ROWS, file.stream().toList());
        }
    }

    @Test
    void aHeaderLineWithTabsAndNoCommaMakesTheTabTheDelimiter() {
        String text = "申请号\t专利名称\nCN202223220665.2\t一种盒子, 可折叠\n";
        try (TabularFile file = open(text.getBytes(UTF_8), "export.txt")) {
            assertEquals(List.of("申请号", "专利名称"), file.header());
            assertEquals(List.of(new TabularRow(2, List.of("CN202223220665.2", "一种盒子, 可折叠"))),
                    file.stream().toList());
        }
    }

    @Test
    void aHeaderLineWithACommaKeepsTheComma() {
        try (TabularFile file = open("名称,备注\t说明\nA,B\tC\n".getBytes(UTF_8), "mixed.csv")) {
            assertEquals(List.of("名称", "备注\t说明"), file.header());
            assertEquals(List.of("A", "B\tC"), file.iterator().next().cells());
        }
    }

    @Test
    void headerCellsAreTrimmedAndLoseAByteOrderMarkButDataCellsAreAsWritten() {
        // A byte order mark inside a cell: a file concatenated from two UTF-8 exports, say.
        try (TabularFile file = open("  申请号 ,\uFEFF专利名称,,\n CN1 , 名称 ,x\n".getBytes(UTF_8), "f.csv")) {
            assertEquals(List.of("申请号", "专利名称", "", ""), file.header());
            TabularRow row = file.iterator().next();
            assertEquals(List.of(" CN1 ", " 名称 ", "x"), row.cells());
            assertEquals("", row.cell(3));
            assertEquals("", row.cell(100));
        }
    }

    // --- row numbers ------------------------------------------------------------------------------------------

    @Test
    void blankRowsAreSkippedAndRowsKeepTheNumbersExcelShows() {
        String text = "\r\n"
                + "申请号,专利名称,申请摘要\r\n"
                + "\r\n"
                + "CN1,盒子,\"第一行\r\n第二行\"\r\n"
                + ",,\r\n"
                + "  ,\t,\r\n"
                + "CN2,支架,\r\n"
                + "\r\n";
        try (TabularFile file = open(text.getBytes(UTF_8), "gaps.csv")) {
            assertEquals(2, file.headerRowNumber());
            List<TabularRow> rows = file.stream().toList();
            // a quoted value over two lines is one Excel row
            assertEquals(List.of(4, 7), rows.stream().map(TabularRow::number).toList());
            assertEquals("第一行\r\n第二行", rows.getFirst().cell(2));
        }
    }

    @Test
    void aFileWithAHeaderRowOnlyHasNoRows() {
        try (TabularFile file = open("申请号,专利名称\r\n".getBytes(UTF_8), "header.csv")) {
            assertFalse(file.iterator().hasNext());
        }
    }

    // --- XLSX -------------------------------------------------------------------------------------------------

    @Test
    void anXlsxWorkbookIsReadAsExcelShowsItsCells() throws IOException {
        Path xlsx = workbook(new XSSFWorkbook(), workbook -> {
            Sheet sheet = workbook.createSheet("清单");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue(" 申请号 ");
            header.createCell(1).setCellValue("申请日");
            header.createCell(2).setCellValue("金额");
            header.createCell(3).setCellValue("比例");
            header.createCell(4).setCellValue("政府资助");
            header.createCell(5).setCellValue("专利名称");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            CellStyle twoDecimals = workbook.createCellStyle();
            twoDecimals.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(2022232206652d); // General: Excel shows 2.02223E+12, the user typed this
            row.createCell(1).setCellValue(LocalDate.of(2022, 12, 2));
            row.getCell(1).setCellStyle(date);
            row.createCell(2).setCellValue(1.5);
            row.getCell(2).setCellStyle(twoDecimals);
            row.createCell(3).setCellValue(0.25);
            row.createCell(4).setCellValue(true);
            row.createCell(5).setCellValue("一种无人机机载多功能盒");
        });
        try (TabularFile file = TabularFile.open(Files.newInputStream(xlsx), "numbers.xlsx")) {
            assertEquals(TabularFile.Format.XLSX, file.format());
            assertEquals(Optional.empty(), file.charset());
            assertEquals(List.of("申请号", "申请日", "金额", "比例", "政府资助", "专利名称"), file.header());
            assertEquals(List.of(new TabularRow(2, List.of("2022232206652", "20221202", "1.50", "0.25", "TRUE",
                    "一种无人机机载多功能盒"))), file.stream().toList());
        }
    }

    @Test
    void anXlsxWorkbookKeepsExcelsRowAndColumnPositionsAcrossGaps() throws IOException {
        // Inline strings (SXSSF's default) rather than a shared strings table; only non-empty cells are written.
        Path xlsx = workbook(new SXSSFWorkbook(), workbook -> {
            Sheet sheet = workbook.createSheet();
            sheet.createRow(1).createCell(0).setCellValue("申请号"); // row 1 left out: the header is row 2
            sheet.getRow(1).createCell(2).setCellValue("备注");
            sheet.createRow(3).createCell(2).setCellValue("只有第三列");
            sheet.createRow(4).createCell(1).setCellValue(" ");
            sheet.createRow(6).createCell(0).setCellValue("CN2");
        });
        try (TabularFile file = open(Files.readAllBytes(xlsx), "gaps.xlsx")) {
            assertEquals(2, file.headerRowNumber());
            assertEquals(List.of("申请号", "", "备注"), file.header());
            assertEquals(List.of(new TabularRow(4, List.of("", "", "只有第三列")), new TabularRow(7, List.of("CN2"))),
                    file.stream().toList());
        }
    }

    @Test
    void aZipThatIsNoWorkbookIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(UTF_8));
        }
        assertTrue(refusal(bytes.toByteArray()).startsWith("无法读取 XLSX 工作簿（文件损坏，或是另一种 zip 文件）"
                + " / not a readable XLSX workbook (damaged, or another kind of zip file)"));
    }

    // --- refusals before any row is read ----------------------------------------------------------------------

    @Test
    void anEmptyFileIsRefused() {
        assertEquals("文件为空 / the file is empty", refusal(new byte[0]));
    }

    @Test
    void aFileOfBlankLinesHasNoHeaderRow() {
        assertEquals("文件没有表头行 / the file has no header row", refusal("\r\n\r\n , \r\n".getBytes(UTF_8)));
    }

    @Test
    void binaryDataIsRefused() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        bytes[100] = 0;
        assertEquals("不是 CSV 或 XLSX 文件 / not a CSV or XLSX file", refusal(bytes));
        // A PNG's signature and the start of its IHDR chunk: valid UTF-8, but control characters.
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertEquals("不是 CSV 或 XLSX 文件 / not a CSV or XLSX file", refusal(png));
    }

    @Test
    void aLegacyXlsWorkbookIsRefusedWithAdvice() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertEquals("旧版 Excel（.xls）或加密的工作簿，请另存为 .xlsx 或 CSV UTF-8"
                + " / a legacy .xls or a password-protected workbook: save it as .xlsx or CSV UTF-8", refusal(ole2));
    }

    @Test
    void utf16TextIsRefusedWithAdvice() {
        String refused = "UTF-16 文本（Excel 的“Unicode 文本”），请另存为 CSV UTF-8"
                + " / UTF-16 text (Excel's \"Unicode Text\"): save it as CSV UTF-8";
        assertEquals(refused, refusal(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(UTF_16LE))));
        assertEquals(refused, refusal(concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(UTF_16BE))));
    }

    @Test
    void aRefusedFileIsClosed() {
        ClosingStream in = new ClosingStream(new byte[0]);
        assertThrows(TabularFileRefused.class, () -> TabularFile.open(in, "empty.csv"));
        assertTrue(in.closed());
    }

    // --- failures while reading -------------------------------------------------------------------------------

    @Test
    void unbalancedQuotesRefuseTheFileAfterTheRowsBeforeThem() {
        String text = "申请号,专利名称\nCN1,盒子\nCN2,\"支架\n";
        try (TabularFile file = open(text.getBytes(UTF_8), "quotes.csv")) {
            Iterator<TabularRow> rows = file.iterator();
            assertEquals(2, rows.next().number());
            var refused = assertThrows(TabularFileRefused.class, rows::hasNext);
            assertTrue(refused.getMessage().startsWith("第 3 行起 CSV 格式错误（引号不配对？） / malformed CSV from row 3"),
                    refused.getMessage());
        }
    }

    @Test
    void gb18030TextAfterAnAsciiStartIsRefusedWhereItBeginsRatherThanGarbled() {
        // The first 64 KB are ASCII, hence valid UTF-8: the Chinese (GB18030) row further on cannot be decoded.
        StringBuilder text = new StringBuilder("number,title\n");
        int rows = 0;
        while (text.length() < 70_000) {
            text.append("CN202223220665.2,Multifunction box\n");
            rows++;
        }
        text.append("CN202122975192.6,摄像头\n");
        try (TabularFile file = open(text.toString().getBytes(GB18030), "ascii-then-gbk.csv")) {
            Iterator<TabularRow> iterator = file.iterator();
            for (int i = 0; i < rows; i++) {
                assertEquals(i + 2, iterator.next().number());
            }
            var refused = assertThrows(TabularFileRefused.class, iterator::hasNext);
            assertEquals("第 " + (rows + 2) + " 行含有不属于 UTF-8 编码的字节，请另存为 CSV UTF-8 / row " + (rows + 2)
                    + " has bytes that are not UTF-8 text: save the file as CSV UTF-8", refused.getMessage());
        }
    }

    // --- the file itself --------------------------------------------------------------------------------------

    @Test
    void theRowsCanBeIteratedOnce() {
        try (TabularFile file = open(TEXT.getBytes(UTF_8), "patents.csv")) {
            file.iterator();
            assertThrows(IllegalStateException.class, file::iterator);
        }
    }

    @Test
    void closingTheFileClosesTheStreamAndEndsTheRows() {
        ClosingStream in = new ClosingStream(TEXT.getBytes(UTF_8));
        TabularFile file = TabularFile.open(in, "patents.csv");
        Iterator<TabularRow> rows = file.iterator();
        file.close();
        assertTrue(in.closed());
        assertThrows(IllegalStateException.class, rows::hasNext);
        file.close(); // twice is harmless
    }

    @Test
    void columnLettersAreThoseOfSpreadsheets() {
        assertEquals(List.of("A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"),
                List.of(0, 25, 26, 51, 52, 701, 702).stream().map(TabularFile::columnLetters).toList());
        assertEquals(List.of(0, 25, 26, 701, 702), List.of("A1", "Z9", "AA10", "ZZ3", "aaa7").stream()
                .map(SheetColumns::index).toList());
    }

    @Test
    void rowsAreImmutable() {
        List<String> cells = new java.util.ArrayList<>(List.of("a"));
        TabularRow row = new TabularRow(2, cells);
        cells.add("b");
        assertEquals(List.of("a"), row.cells());
        assertThrows(UnsupportedOperationException.class, () -> row.cells().add("c"));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static TabularFile open(byte[] content, String fileName) {
        return TabularFile.open(new ByteArrayInputStream(content), fileName);
    }

    /** The message of a refusal on opening. */
    private static String refusal(byte[] content) {
        return assertThrows(TabularFileRefused.class, () -> open(content, "upload.bin")).getMessage();
    }

    private interface Filler {
        void fill(Workbook workbook);
    }

    private Path workbook(Workbook workbook, Filler filler) throws IOException {
        Path file = Files.createTempFile(temp, "table-", ".xlsx");
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            filler.fill(workbook);
            workbook.write(out);
        }
        return file;
    }
}
