package org.ipop.library.importing;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.ipop.library.importing.InventoryFiles.NEW_YEAR_2025;
import static org.ipop.library.importing.InventoryFiles.csv;
import static org.ipop.library.importing.InventoryFiles.readAll;
import static org.ipop.library.importing.InventoryFiles.records;
import static org.ipop.library.importing.InventoryFiles.sample;
import static org.ipop.library.importing.InventoryFiles.sampleTable;
import static org.ipop.tabular.testing.TableFixtures.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.ipop.kernel.FieldError;
import org.ipop.library.PatentRecord;
import org.ipop.library.PatentType;
import org.ipop.tabular.testing.TableFixtures.ClosingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryReaderTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private static final List<String> SAMPLE_NUMBERS = List.of("CN202223220665.2", "CN202122975192.6",
            "CN202121635235.X", "CN202121635426.6", "CN202121741650.3", "CN202121762003.0", "CN202121751980.0",
            "CN202211740332.4", "CN202310605823.6", "CN202211359874.7");

    @TempDir
    Path temp;

    // --- the real export --------------------------------------------------------------------------------------

    @Test
    void theRealExportImportsUnchangedAsTenValidRows() {
        List<InventoryRow> rows = readAll(sample(), "patents.csv");
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11), rows.stream().map(InventoryRow::rowNumber).toList());
        List<PatentRecord> records = records(rows);
        assertEquals(SAMPLE_NUMBERS, records.stream().map(PatentRecord::applicationNumber).toList());

        PatentRecord row2 = records.getFirst();
        assertEquals(PatentType.UTILITY_MODEL, row2.type());
        assertEquals("B64U20/80", row2.mainIpc());
        assertEquals(List.of("B64U20/80", "B64U101/30"), row2.ipcCodes());
        assertEquals(LocalDate.of(2022, 12, 2), row2.filingDate());
        assertEquals("410000", row2.provinceCode());
        assertEquals("CN218751475U", row2.grantNumber());

        PatentRecord row9 = records.get(7); // 发明公开, still under examination: 授权公告日 0
        assertEquals(PatentType.INVENTION, row9.type());
        assertNull(row9.grantDate());
        assertNull(row9.grantNumber());
        assertEquals(List.of("吴琼", "刘武雷", "王元卓", "郭建永", "张旭阳", "樊天佑"), row9.inventors());

        PatentRecord row11 = records.get(9); // 发明公开;发明授权
        assertEquals(PatentType.INVENTION, row11.type());
        assertEquals(LocalDate.of(2024, 4, 5), row11.grantDate());
        assertEquals(List.of("H04L43/02", "H04L9/40", "H04L67/025"), row11.ipcCodes());
    }

    @Test
    void theOtherColumnsOfTheExportAreKeptAsExtraWithoutEmptyValuesOrTheRowNumber() {
        Map<String, String> extra = records(readAll(sample(), "patents.csv")).getFirst().extra();
        assertEquals("450000河南省郑州市郑东新区中道东路6号创意岛大厦8层", extra.get("申请人地址"));
        assertEquals("郑州明华专利代理事务所（普通合伙）", extra.get("专利代理机构"));
        assertEquals("0", extra.get("失效日期"));
        assertFalse(extra.containsKey("序号"));
        assertFalse(extra.containsKey("优先权"), "empty in the export");
        assertFalse(extra.containsKey("申请号"), "a field, not extra");
    }

    @Test
    void utf8Utf8WithBomAndGb18030GiveIdenticalRecords() {
        String text = new String(sample(), UTF_8);
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, sample());
        byte[] gb18030 = text.getBytes(GB18030);

        List<PatentRecord> utf8 = records(readAll(sample(), "patents.csv"));
        assertEquals(utf8, records(readAll(withBom, "patents-bom.csv")));
        assertEquals(utf8, records(readAll(gb18030, "patents-gbk.csv")));
    }

    @Test
    void theCharsetIsDetected() {
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, sample());
        assertEquals(Optional.of(UTF_8), charsetOf(sample()));
        assertEquals(Optional.of(UTF_8), charsetOf(withBom));
        assertEquals(Optional.of(GB18030), charsetOf(new String(sample(), UTF_8).getBytes(GB18030)));
    }

    @Test
    void anXlsxWorkbookGivesTheSameRecordsAsTheCsvFile() throws IOException {
        // Written like Excel: shared strings, numbers as numbers, 申请日 as real dates shown as yyyy/m/d.
        Path xlsx = InventoryFiles.xlsx(temp, sampleTable(), Set.of("申请日"));
        try (InventoryReader reader = InventoryReader.open(Files.newInputStream(xlsx), "patents.xlsx")) {
            assertEquals(InventoryReader.Format.XLSX, reader.format());
            assertEquals(Optional.empty(), reader.charset());
            List<InventoryRow> rows = reader.stream().toList();
            assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11), rows.stream().map(InventoryRow::rowNumber).toList());
            assertEquals(records(readAll(sample(), "patents.csv")), records(rows));
        }
    }

    @Test
    void anXlsxWorkbookKeepsExcelsRowNumbersAcrossBlankRows() throws IOException {
        List<List<String>> table = new ArrayList<>(sampleTable().subList(0, 3));
        table.add(2, List.of()); // row 3 left empty
        table.add(List.of("", "", ""));
        Path xlsx = InventoryFiles.xlsx(temp, table, Set.of());
        List<InventoryRow> rows = readAll(Files.readAllBytes(xlsx), "gaps.xlsx");
        assertEquals(List.of(2, 4), rows.stream().map(InventoryRow::rowNumber).toList());
    }

    @Test
    void anApplicationNumberTypedAsANumberInExcelIsReadInFull() throws IOException {
        // 13 digits in General format: Excel shows 2.02223E+12, the user meant 2022232206652.
        Path file = temp.resolve("numeric.xlsx");
        try (var workbook = new SXSSFWorkbook();
                var out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet();
            var header = sheet.createRow(0);
            List<String> headers = List.of("申请号", "专利名称", "申请日", "专利类型");
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(2022232206652d);
            row.createCell(1).setCellValue("一种无人机机载多功能盒");
            row.createCell(2).setCellValue(20221202d);
            row.createCell(3).setCellValue("实用新型");
            workbook.write(out);
        }
        PatentRecord record = records(readAll(Files.readAllBytes(file), "numeric.xlsx")).getFirst();
        assertEquals("CN202223220665.2", record.applicationNumber());
        assertEquals(LocalDate.of(2022, 12, 2), record.filingDate());
    }

    // --- other headers and layouts ------------------------------------------------------------------------------

    @Test
    void englishHeadersWork() {
        String file = """
                Application Number,title,patent_type,filing_date,publication_date,grant_date,applicants,inventors,\
                main_ipc,ipc,province,transfers,licences,pledges,citations,family_size,government_funded,\
                funding_programme,notes
                202223220665.2,一种无人机机载多功能盒,utility model,2022-12-02,2023-03-28,2023-03-28,\
                中科大数据研究院,"Liu Di; Liu Min",B64U 20/80,"B64U 20/80; B64U 101/30",41,1,2,0,3,4,yes,\
                国家重点研发计划,first batch
                """;
        PatentRecord record = records(readAll(file.getBytes(UTF_8), "inventory.csv")).getFirst();
        assertEquals("CN202223220665.2", record.applicationNumber());
        assertEquals(PatentType.UTILITY_MODEL, record.type());
        assertEquals(List.of("Liu Di", "Liu Min"), record.inventors());
        assertEquals(List.of("B64U20/80", "B64U101/30"), record.ipcCodes());
        assertEquals(List.of(1, 2, 0, 3, 4), List.of(record.transfers(), record.licences(), record.pledges(),
                record.citations(), record.familySize()));
        assertTrue(record.governmentFunded());
        assertEquals("国家重点研发计划", record.fundingProgramme());
        assertEquals(Map.of("notes", "first batch"), record.extra());
    }

    @Test
    void aTabSeparatedTextFileIsReadLikeACsvFile() {
        String file = "申请号\t专利名称\t申请日\t专利类型\nCN202223220665.2\t一种无人机机载多功能盒\t20221202\t实用新型\n";
        PatentRecord record = records(readAll(file.getBytes(UTF_8), "inventory.txt")).getFirst();
        assertEquals("一种无人机机载多功能盒", record.title());
    }

    @Test
    void blankLinesAreSkippedAndRowNumbersStayThoseExcelShows() {
        String file = "申请号,专利名称,申请日,专利类型,申请摘要\n"
                + "\n"
                + "CN202223220665.2,一种无人机机载多功能盒,20221202,实用新型,\"第一行\n第二行\"\n"
                + ",,,,\n"
                + "CN202122975192.6,一种摄像头,20211130,实用新型,\n";
        List<InventoryRow> rows = readAll(file.getBytes(UTF_8), "gaps.csv");
        // a quoted value over two lines is one Excel row
        assertEquals(List.of(3, 5), rows.stream().map(InventoryRow::rowNumber).toList());
        assertEquals("第一行\n第二行", records(rows).getFirst().abstractText());
    }

    @Test
    void aFileWithAHeaderRowOnlyHasNoRows() {
        assertEquals(List.of(), readAll("申请号,专利名称,申请日,专利类型\r\n".getBytes(UTF_8), "empty.csv"));
    }

    // --- refusals before any row is read --------------------------------------------------------------------

    @Test
    void aFileWithoutRequiredColumnsIsRefusedNamingThem() {
        String file = csv(InventoryFiles.withoutColumns(sampleTable(), Set.of("申请号", "专利类型")));
        var refused = assertThrows(InventoryRefused.class, () -> open(file.getBytes(UTF_8), "patents.csv"));
        assertEquals(List.of("patents.csv: 申请号", "patents.csv: 专利类型"),
                refused.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void anEnglishFileWithoutRequiredColumnsIsRefusedInEnglish() {
        var refused = assertThrows(InventoryRefused.class,
                () -> open("title,inventors\nA,B\n".getBytes(UTF_8), "list.csv"));
        assertEquals(List.of("list.csv: application_number", "list.csv: filing_date", "list.csv: patent_type"),
                refused.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void anEmptyFileIsRefused() {
        assertRefused(new byte[0], "文件为空 / the file is empty");
    }

    @Test
    void aFileOfBlankLinesHasNoHeaderRow() {
        assertRefused("\r\n\r\n  \r\n".getBytes(UTF_8), "文件没有表头行 / the file has no header row");
    }

    @Test
    void randomBinaryBytesAreRefused() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        bytes[100] = 0;
        assertRefused(bytes, "不是 CSV 或 XLSX 文件 / not a CSV or XLSX file");
    }

    @Test
    void anImageIsRefused() {
        // A PNG's signature and the start of its IHDR chunk (length 13, width and height 1).
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
                0, 0, 0, 1, 8, 6, 0, 0, 0};
        assertRefused(png, "不是 CSV 或 XLSX 文件 / not a CSV or XLSX file");
        assertRefused(Arrays.copyOf(png, 8), "不是 CSV 或 XLSX 文件 / not a CSV or XLSX file");
    }

    @Test
    void aLegacyXlsFileIsRefusedWithAdvice() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertTrue(refusal(ole2).reason().contains("save it as .xlsx or CSV UTF-8"));
    }

    @Test
    void utf16TextIsRefusedWithAdvice() {
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "申请号\t专利名称\r\n".getBytes(UTF_16LE));
        assertTrue(refusal(utf16).reason().contains("UTF-16"));
    }

    @Test
    void aZipThatIsNoWorkbookIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(UTF_8));
        }
        assertTrue(refusal(bytes.toByteArray()).reason().startsWith("无法读取 XLSX 工作簿"));
    }

    @Test
    void aRefusedFileIsClosed() {
        ClosingStream in = new ClosingStream(new byte[0]);
        assertThrows(InventoryRefused.class, () -> InventoryReader.open(in, "empty.csv"));
        assertTrue(in.closed());
    }

    // --- bad rows -------------------------------------------------------------------------------------------

    @Test
    void badRowsAreReportedWhileTheGoodRowsOfTheFileAreReturned() {
        String file = """
                申请号,专利名称,申请日,公开日,专利类型,分类号,许可次数
                CN202223220665.2,多功能盒,20221202,20230328,实用新型,B64U20/80,0
                CN202223220665.3,校验位错,20221202,20230328,实用新型,B64U20/80,0
                CN202122975192.6,日期错,20221332,,实用新型,H04N5/225,0
                CN202121635235.X,未来日期,20210715,20250301,实用新型,H04N7/18,0
                CN202121635426.6,类型未知,20210715,,专利,G01N33/00,0
                CN202121741650.3,分类号错,20210728,,实用新型,G01N33/00;G01N 15,0
                CN202121762003.0,次数为负,20210730,,实用新型,B64C39/02,-1
                CN202121751980.0,好的一行,20210730,20211231,实用新型,B64C39/02,2
                """;
        List<InventoryRow> rows = readAll(file.getBytes(UTF_8), "mixed.csv", NEW_YEAR_2025);

        assertEquals(List.of(2, 9), rows.stream().filter(InventoryRow.Valid.class::isInstance)
                .map(InventoryRow::rowNumber).toList());
        List<RowError> errors = rows.stream().filter(InventoryRow.Invalid.class::isInstance)
                .flatMap(row -> ((InventoryRow.Invalid) row).errors().stream()).toList();
        assertEquals(List.of(
                new RowError(3, "申请号", "CN202223220665.3", "校验位应为 2 / check digit should be 2"),
                new RowError(4, "申请日", "20221332", "日期不存在 / not a real calendar date"),
                new RowError(5, "公开日", "20250301", "日期晚于今天 / the date is in the future"),
                new RowError(6, "专利类型", "专利", "未知专利类型，应为 发明、实用新型 或 外观设计"
                        + " / unknown patent type: expected invention, utility model or design"),
                new RowError(7, "分类号", "G01N 15", "不是 IPC 分类号（例如 B64U 20/80）/ not an IPC code (e.g. B64U 20/80)"),
                new RowError(8, "许可次数", "-1", "不能为负数 / must not be negative")), errors);
    }

    @Test
    void aRowWithSeveralFaultsReportsAllOfThem() {
        String file = """
                申请号,专利名称,申请日,专利类型,主分类号,质押次数
                CN202223220665.3,,2022-02-30,发明,B64U,many
                """;
        var invalid = assertInstanceOf(InventoryRow.Invalid.class,
                readAll(file.getBytes(UTF_8), "faults.csv").getFirst());
        assertEquals(List.of("申请号", "专利名称", "申请日", "主分类号", "质押次数"),
                invalid.errors().stream().map(RowError::column).toList());
        assertEquals("CN202223220665.3", invalid.raw().get("申请号"));
    }

    @Test
    void aPatentTypeContradictingTheNumberIsReportedOnceTheNumberIsRight() {
        String file = "申请号,专利名称,申请日,专利类型\nCN202223220665.2,多功能盒,20221202,外观设计\n";
        var invalid = assertInstanceOf(InventoryRow.Invalid.class, readAll(file.getBytes(UTF_8), "t.csv").getFirst());
        assertTrue(invalid.errors().getFirst().reason().endsWith("which denotes a utility model"));
    }

    // --- failures while reading -----------------------------------------------------------------------------

    @Test
    void unbalancedQuotesRefuseTheFileAfterTheRowsBeforeThem() {
        String file = "申请号,专利名称,申请日,专利类型\n"
                + "CN202223220665.2,多功能盒,20221202,实用新型\n"
                + "CN202122975192.6,\"摄像头,20211130,实用新型\n";
        try (InventoryReader reader = open(file.getBytes(UTF_8), "quotes.csv")) {
            Iterator<InventoryRow> rows = reader.iterator();
            assertEquals(2, rows.next().rowNumber());
            var refused = assertThrows(InventoryRefused.class, rows::hasNext);
            assertTrue(refused.getMessage().contains("malformed CSV from row 3"), refused.getMessage());
        }
    }

    @Test
    void gb18030TextAfterAnAsciiStartIsRefusedWhereItBeginsRatherThanGarbled() {
        // The first 64 KB are ASCII, hence valid UTF-8: the Chinese (GB18030) row further on cannot be decoded.
        StringBuilder file = new StringBuilder("application_number,title,filing_date,patent_type\n");
        int rows = 0;
        while (file.length() < 70_000) {
            file.append("CN202223220665.2,Multifunction box,20221202,utility model\n");
            rows++;
        }
        file.append("CN202122975192.6,摄像头,20211130,实用新型\n");
        try (InventoryReader reader = open(file.toString().getBytes(GB18030), "ascii-then-gbk.csv")) {
            Iterator<InventoryRow> iterator = reader.iterator();
            for (int i = 0; i < rows; i++) {
                iterator.next();
            }
            var refused = assertThrows(InventoryRefused.class, iterator::hasNext);
            assertTrue(refused.getMessage().contains("row " + (rows + 2) + " has bytes that are not UTF-8 text"),
                    refused.getMessage());
        }
    }

    // --- the reader itself ----------------------------------------------------------------------------------

    @Test
    void theRowsCanBeIteratedOnce() {
        try (InventoryReader reader = open(sample(), "patents.csv")) {
            reader.iterator();
            assertThrows(IllegalStateException.class, reader::iterator);
        }
    }

    @Test
    void closingTheReaderClosesTheStream() {
        ClosingStream in = new ClosingStream(sample());
        InventoryReader.open(in, "patents.csv").close();
        assertTrue(in.closed());
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static InventoryReader open(byte[] content, String fileName) {
        return InventoryReader.open(new ByteArrayInputStream(content), fileName);
    }

    private static Optional<Charset> charsetOf(byte[] content) {
        try (InventoryReader reader = open(content, "f.csv")) {
            return reader.charset();
        }
    }

    private static FieldError refusal(byte[] content) {
        var refused = assertThrows(InventoryRefused.class, () -> open(content, "upload.bin"));
        assertEquals(1, refused.errors().size());
        assertEquals("upload.bin", refused.errors().getFirst().field());
        return refused.errors().getFirst();
    }

    private static void assertRefused(byte[] content, String reason) {
        assertEquals(reason, refusal(content).reason());
    }
}
