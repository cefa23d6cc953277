package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ipop.app.support.Api;
import org.ipop.app.support.Api.Reply;
import org.ipop.app.support.Inventories;
import org.ipop.app.support.Memberships;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Inventory imports end to end: the real export shape, encodings, row errors, refusals, re-imports. */
class LibraryImportIT extends PlatformIT {

    /** The technology-transfer offices act for the institutions these tests import for. */
    @BeforeAll
    static void memberships() {
        Memberships.ensure("hubei-operator", "hubei-tto", "中科大数据研究院", "华中科技大学", "武汉理工大学");
        Memberships.ensure("wuhan-operator", "wuhan-tto", "中科大数据研究院");
    }

    @Test
    void the_real_export_imports_unchanged_with_its_ipc_codes_and_segment_tags() {
        String tto = Tokens.of("hubei-tto");
        JsonObject job = Inventories.importAndWait(tto, "中科大数据研究院", "patents.csv", Inventories.realSample())
                .json();
        assertEquals("COMPLETED", job.getString("status"), job.toString());
        assertEquals(10, job.getInt("rowsDone"));
        assertEquals(0, job.getInt("errorRows"));
        assertEquals(10, job.getInt("created") + job.getInt("unchanged") + job.getInt("updated"));

        JsonObject drone = Api.get("/api/library/patents/CN202223220665.2", tto).json();
        assertEquals(List.of("B64U20/80", "B64U101/30"), strings(drone.getJsonObject("record"), "ipcCodes"));
        assertEquals("UTILITY_MODEL", drone.getJsonObject("record").getString("type"));
        assertEquals("中科大数据研究院", drone.getString("institution"));
        assertEquals("INVENTORIED", drone.getJsonArray("history").getJsonObject(0).getString("to"));
        assertTrue(drone.getJsonObject("value").getJsonNumber("total").doubleValue() > 0);

        // H04N5/225 is excluded from SEI 1.1 but covered by 8.1, confirmed by 高清 in the claim.
        JsonObject camera = Api.get("/api/library/patents/CN202122975192.6", tto).json();
        JsonObject digitalCreative = camera.getJsonArray("tags").getValuesAs(JsonObject.class).stream()
                .filter(tag -> tag.getString("catalog").equals("SEI_2021") && tag.getString("branchCode").equals("8.1"))
                .findFirst().orElseThrow(() -> new AssertionError("no SEI 8.1 tag: " + camera.getJsonArray("tags")));
        assertEquals("KEYWORD_CONFIRMED", digitalCreative.getString("strength"));
        assertEquals("H04N5/225", digitalCreative.getString("matchedIpc"));
        assertTrue(digitalCreative.getString("explanation").contains("H04N5/225"));

        Reply search = Api.get("/api/library/patents?q=" + url("无人机"), tto);
        assertEquals(200, search.status(), search.body());
        assertTrue(ids(search).contains("CN202223220665.2"), search.body());
        Reply bySegment = Api.get("/api/library/patents?segment=SEI_2021:8.1&size=100", tto);
        assertTrue(ids(bySegment).contains("CN202122975192.6"), bySegment.body());

        assertTrue(exportedIds("segment=SEI_2021:8.1", tto).contains("CN202122975192.6"),
                "the Excel export holds the current result list");
        Reply badDate = Api.get("/api/library/patents?filedFrom=2022-13-01", tto);
        assertEquals(400, badDate.status());
        AccessControlIT.assertProblem(badDate, "urn:ipop:problem:validation");
    }

    @Test
    void importing_the_same_file_again_creates_no_duplicate_and_a_changed_field_is_recorded() {
        String tto = Tokens.of("hubei-tto");
        String number = Inventories.newApplicationNumber();
        byte[] first = (Inventories.HEADER + "\n" + Inventories.row(number, "一种固态储氢装置")).getBytes(
                StandardCharsets.UTF_8);
        assertEquals(1, Inventories.importAndWait(tto, "华中科技大学", "a.csv", first).json().getInt("created"));
        JsonObject again = Inventories.importAndWait(tto, "华中科技大学", "a.csv", first).json();
        assertEquals(0, again.getInt("created"));
        assertEquals(1, again.getInt("unchanged"));

        byte[] changed = (Inventories.HEADER + "\n" + Inventories.row(number, "一种高密度固态储氢装置")).getBytes(
                StandardCharsets.UTF_8);
        assertEquals(1, Inventories.importAndWait(tto, "华中科技大学", "b.csv", changed).json().getInt("updated"));
        JsonObject patent = Api.get("/api/library/patents/" + number, tto).json();
        assertEquals("一种高密度固态储氢装置", patent.getJsonObject("record").getString("title"));
        JsonObject change = patent.getJsonArray("changes").getJsonObject(0).getJsonArray("fields").getJsonObject(0);
        assertEquals("title", change.getString("field"));
        assertEquals("一种固态储氢装置", change.getString("from"));
        assertEquals(1, patent.getJsonArray("history").size(), "a re-import is not a screening step");

        // A rejected patent is tier D (前景不明); a re-import that changes it keeps the review in its tier.
        String operator = Tokens.of("hubei-operator");
        assertEquals(200, Api.sendJson("PUT", "/api/library/patents/" + number + "/self-assessment", tto, null,
                "{\"prospect\":\"UNCLEAR\"}").status());
        assertEquals("D", Api.sendJson("POST", "/api/library/patents/" + number + "/review", operator, null,
                "{\"outcome\":\"REJECT\",\"reason\":\"技术已过时\"}").json().getString("tier"));
        byte[] changedAgain = (Inventories.HEADER + "\n" + Inventories.row(number, "一种超高密度固态储氢装置")).getBytes(
                StandardCharsets.UTF_8);
        assertEquals(1, Inventories.importAndWait(tto, "华中科技大学", "c.csv", changedAgain).json().getInt("updated"));
        JsonObject reimported = Api.get("/api/library/patents/" + number, tto).json();
        assertEquals("REJECTED", reimported.getString("status"));
        assertEquals("D", reimported.getString("tier"), "the tier still reflects the review");
    }

    @Test
    void a_gbk_file_gives_the_same_patent_as_utf_8() {
        String tto = Tokens.of("hubei-tto");
        String number = Inventories.newApplicationNumber();
        String csv = Inventories.HEADER + "\r\n" + Inventories.row(number, "一种储氢合金及其制备方法") + "\r\n";
        JsonObject job = Inventories.importAndWait(tto, "武汉理工大学", "gbk.csv", csv.getBytes(Charset.forName("GBK")))
                .json();
        assertEquals("COMPLETED", job.getString("status"));
        assertEquals(1, job.getInt("created"));
        assertEquals("一种储氢合金及其制备方法", Api.get("/api/library/patents/" + number, tto).json()
                .getJsonObject("record").getString("title"));
    }

    @Test
    void an_xlsx_workbook_of_the_real_export_gives_the_same_patents_as_the_csv() throws Exception {
        // The real export as Excel saves it: numbers (dates as YYYYMMDD, counts) in numeric cells, the rest text.
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (CSVParser csv = CSVParser.parse(new String(Inventories.realSample(), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT); XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("专利列表");
            int r = 0;
            for (CSVRecord record : csv) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < record.size(); c++) {
                    String value = record.get(c).replace("\uFEFF", "");
                    if (r > 1 && value.matches("\\d{1,9}")) {
                        row.createCell(c).setCellValue(Long.parseLong(value));
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(xlsx);
        }
        String tto = Tokens.of("wuhan-tto");
        JsonObject job = Inventories.importAndWait(tto, "中科大数据研究院", "patents.xlsx", xlsx.toByteArray()).json();
        assertEquals("COMPLETED", job.getString("status"), job.toString());
        assertEquals(10, job.getInt("rowsDone"));
        assertEquals(0, job.getInt("errorRows"), job.toString());

        JsonObject drone = Api.get("/api/library/patents/CN202223220665.2", tto).json();
        assertEquals(List.of("B64U20/80", "B64U101/30"), strings(drone.getJsonObject("record"), "ipcCodes"));
        assertEquals("2022-12-02", drone.getJsonObject("record").getString("filingDate"));
        JsonObject camera = Api.get("/api/library/patents/CN202122975192.6", tto).json();
        assertTrue(camera.getJsonArray("tags").getValuesAs(JsonObject.class).stream().anyMatch(tag -> tag
                .getString("catalog").equals("SEI_2021") && tag.getString("branchCode").equals("8.1")
                && tag.getString("strength").equals("KEYWORD_CONFIRMED")), camera.getJsonArray("tags").toString());
    }

    @Test
    void bad_rows_are_reported_row_by_row_and_the_good_rows_are_imported() {
        String tto = Tokens.of("hubei-tto");
        String good = Inventories.newApplicationNumber();
        String duplicate = Inventories.newApplicationNumber();
        String badCheckDigit = good.substring(0, good.length() - 1) + (good.endsWith("1") ? "2" : "1");
        String csv = String.join("\n", Inventories.HEADER,
                Inventories.row(good, "一种储氢瓶"),
                Inventories.row(badCheckDigit, "校验位错误的专利"),
                Inventories.row(duplicate, "一种储氢阀门").replace("20230315", "20231332"),
                Inventories.row(duplicate, "一种储氢阀门"),
                Inventories.row(duplicate, "一种储氢阀门（重复行）"));
        JsonObject job = Inventories.importAndWait(tto, "华中科技大学", "bad.csv", csv.getBytes(StandardCharsets.UTF_8))
                .json();
        assertEquals("COMPLETED", job.getString("status"));
        assertEquals(5, job.getInt("rowsDone"));
        assertEquals(3, job.getInt("errorRows"), job.toString());
        assertEquals(200, Api.get("/api/library/patents/" + good, tto).status(), "the good row is imported");
        assertEquals(200, Api.get("/api/library/patents/" + duplicate, tto).status(), "row 5 is imported");

        Reply report = Api.get("/api/library/imports/" + job.getString("id") + "/errors", tto);
        assertEquals(200, report.status());
        assertTrue(report.contentType().startsWith("text/csv"));
        String[] lines = report.body().replace("\uFEFF", "").split("\r?\n");
        assertTrue(lines[0].startsWith("行号 row,"), lines[0]);
        assertTrue(lines[1].startsWith("3,") && lines[1].contains(badCheckDigit), lines[1]);
        assertTrue(lines[2].startsWith("4,") && lines[2].contains("20231332"), lines[2]);
        assertTrue(lines[3].startsWith("6,") && lines[3].contains("5"), "the duplicate names row 5: " + lines[3]);
    }

    @Test
    void a_cell_too_large_for_the_store_is_refused_on_its_row_and_the_rows_around_it_are_imported() {
        String tto = Tokens.of("hubei-tto");
        String before = Inventories.newApplicationNumber();
        String oversized = Inventories.newApplicationNumber();
        String after = Inventories.newApplicationNumber();
        // 6,000,000 characters, 18 MB in UTF-8: more than MongoDB's 16 MB per document. This failed the whole import
        // at its batch ("stopped unexpectedly", nothing of the batch saved) before cells were limited.
        String abstractText = "本发明公开了一种固态储氢材料。".repeat(400_000);
        String csv = String.join("\n", Inventories.HEADER,
                Inventories.row(before, "一种储氢瓶"),
                Inventories.row(oversized, "摘要过长的专利").replace("本发明公开了一种固态储氢材料及其制备方法，提高了储氢密度。",
                        abstractText),
                Inventories.row(after, "一种储氢阀门"));
        JsonObject job = Inventories.importAndWait(tto, "华中科技大学", "oversized.csv",
                csv.getBytes(StandardCharsets.UTF_8)).json();
        assertEquals("COMPLETED", job.getString("status"), job.toString());
        assertEquals(3, job.getInt("rowsDone"));
        assertEquals(1, job.getInt("errorRows"), job.toString());
        assertEquals(200, Api.get("/api/library/patents/" + before, tto).status(), "the row before is imported");
        assertEquals(200, Api.get("/api/library/patents/" + after, tto).status(), "the row after is imported");
        assertEquals(404, Api.get("/api/library/patents/" + oversized, tto).status());

        String[] lines = Api.get("/api/library/imports/" + job.getString("id") + "/errors", tto).body()
                .replace("\uFEFF", "").split("\r?\n");
        assertEquals(2, lines.length, "one error: " + String.join(" | ", lines));
        assertTrue(lines[1].startsWith("3,申请摘要,") && lines[1].contains("6,000,000"), lines[1]);
        assertTrue(lines[1].length() < 1_000, "the report shows the value cut, not 6,000,000 characters");
    }

    @Test
    void a_file_without_the_required_columns_is_refused_before_anything_is_written() {
        String tto = Tokens.of("hubei-tto");
        String number = Inventories.newApplicationNumber();
        String csv = "专利名称,申请摘要\n一种储氢装置," + number + "\n";
        JsonObject job = Inventories.importAndWait(tto, "华中科技大学", "wrong.csv", csv.getBytes(StandardCharsets.UTF_8))
                .json();
        assertEquals("REFUSED", job.getString("status"));
        String refusal = job.getJsonArray("refusal").toString();
        assertTrue(refusal.contains("申请号") && refusal.contains("申请日") && refusal.contains("专利类型"), refusal);
        assertEquals(0, job.getInt("rowsDone"));
    }

    @Test
    void an_empty_or_binary_file_is_refused_with_a_clear_reason() {
        String tto = Tokens.of("hubei-tto");
        JsonObject empty = Inventories.importAndWait(tto, "华中科技大学", "empty.csv", new byte[0]).json();
        assertEquals("REFUSED", empty.getString("status"));
        JsonObject binary = Inventories.importAndWait(tto, "华中科技大学", "image.csv",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0}).json();
        assertEquals("REFUSED", binary.getString("status"));
        assertFalse(binary.getJsonArray("refusal").isEmpty());
    }

    @Test
    void a_page_beyond_the_first_ten_thousand_results_is_refused_as_bad_input() {
        Reply refused = Api.get("/api/library/patents?page=500&size=100", Tokens.of("hubei-tto"));
        assertEquals(400, refused.status(), refused.body());
        AccessControlIT.assertProblem(refused, "urn:ipop:problem:validation");
    }

    @Test
    void an_import_needs_an_institution() {
        Reply refused = Api.call("POST", "/api/library/imports?fileName=a.csv", Tokens.of("hubei-tto"), null,
                "application/octet-stream", Inventories.HEADER);
        assertEquals(400, refused.status());
        AccessControlIT.assertProblem(refused, "urn:ipop:problem:validation");
    }

    /** The application numbers in the first column of the XLSX export of a search. */
    static List<String> exportedIds(String query, String token) {
        try {
            java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/api/library/patents/export?"
                            + query)).header("Authorization", "Bearer " + token).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                    new java.io.ByteArrayInputStream(response.body()))) {
                var sheet = workbook.getSheetAt(0);
                assertEquals("申请号", sheet.getRow(0).getCell(0).getStringCellValue());
                List<String> ids = new java.util.ArrayList<>();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    ids.add(sheet.getRow(r).getCell(0).getStringCellValue());
                }
                return ids;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static List<String> ids(Reply search) {
        return search.json().getJsonArray("patents").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("id")).toList();
    }

    static String url(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
