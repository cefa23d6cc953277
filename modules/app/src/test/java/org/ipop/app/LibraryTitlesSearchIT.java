package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ipop.app.support.Api;
import org.ipop.app.support.Inventories;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The 7,798 real patent titles, imported through the API as an inventory of the Wuhan centre, are searchable in
 * Chinese: a query finds the titles a person would expect.
 */
class LibraryTitlesSearchIT extends PlatformIT {

    @Test
    void the_real_titles_are_imported_and_found_by_chinese_queries() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("ipop.titles.csv")), StandardCharsets.UTF_8);
        Map<String, String> numberOf = new HashMap<>();
        StringBuilder csv = new StringBuilder("申请号,专利名称,申请日,专利类型,分类号\n");
        for (int i = 1; i < lines.size(); i++) {
            String[] columns = columns(lines.get(i));
            boolean invention = !columns[0].endsWith("U");
            String number = applicationNumber(2020, invention, i);
            numberOf.put(columns[0], number);
            String ipc = String.join(";", java.util.Arrays.stream(columns[2].split("\\|")).map(s -> s + "1/00")
                    .toList());
            csv.append(number).append(',').append(columns[1].replace(",", "，")).append(",20200115,")
                    .append(invention ? "发明" : "实用新型").append(',').append(ipc).append('\n');
        }
        String operator = Tokens.of("wuhan-operator");
        JsonObject job = Inventories.importAndWait(operator, "真实专利题录", "titles.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)).json();
        assertEquals("COMPLETED", job.getString("status"), job.toString());
        assertEquals(lines.size() - 1, job.getInt("rowsDone"));
        assertEquals(0, job.getInt("errorRows"), job.toString());

        assertFindsInTopTen(operator, "驱鸟", numberOf.get("CN114081026A"));      // 一种水电站高压输电线路驱鸟保护装置
        assertFindsInTopTen(operator, "洗车 废水", numberOf.get("CN215667380U")); // 一种废水循环利用的自动洗车装置
        assertFindsInTopTen(operator, "温水洗车", numberOf.get("CN113928278A"));  // 一种轻便环保型温水洗车方法
    }

    private static void assertFindsInTopTen(String token, String query, String expected) {
        List<String> ids = LibraryImportIT.ids(Api.get("/api/library/patents?size=10&institution="
                + LibraryImportIT.url("真实专利题录") + "&q=" + LibraryImportIT.url(query), token));
        assertTrue(ids.contains(expected), query + " → " + ids + " should contain " + expected);
    }

    /** publication_number,title,ipc_subclasses — titles with commas are quoted; no title contains a quote. */
    private static String[] columns(String line) {
        int first = line.indexOf(',');
        int last = line.lastIndexOf(',');
        String title = line.substring(first + 1, last);
        if (title.startsWith("\"") && title.endsWith("\"")) {
            title = title.substring(1, title.length() - 1);
        }
        return new String[] {line.substring(0, first), title, line.substring(last + 1)};
    }

    /** Deterministic numbers: re-running the test re-imports the same patents (unchanged), never duplicates. */
    private static String applicationNumber(int year, boolean invention, int serial) {
        return Inventories.applicationNumber(year + (invention ? "1" : "2") + String.format("%07d", 9_000_000 + serial));
    }
}
