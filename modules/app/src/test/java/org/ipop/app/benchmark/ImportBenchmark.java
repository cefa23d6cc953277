package org.ipop.app.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.ipop.app.support.Inventories;

/**
 * The import benchmark (docs/benchmarks.md): generates a realistic inventory in the real 61-column export shape
 * from the real patent titles (deterministic seed), uploads it through the API of a running platform as a TTO of
 * the Hubei centre, follows the job to its end and reports rows/s end to end and the largest heap in use on the
 * server while it ran (MicroProfile Metrics).
 *
 * <p>Arguments: base URL, Keycloak URL, number of rows, path of titles.csv, path of the sample export (for its
 * header row), output directory.
 */
public final class ImportBenchmark {

    private static final String[] INSTITUTIONS = {"华中科技大学", "武汉大学", "武汉理工大学", "中国地质大学（武汉）",
            "华中农业大学", "湖北大学", "三峡大学", "长江大学", "中国科学院武汉岩土力学研究所", "湖北工业大学"};
    private static final String[] LEGAL = {"有权-审定授权", "审中-实审", "有权-审定授权", "有权", "审中-公开"};

    /** The seed of the recorded runs; another seed gives other numbers, for importing into a non-empty library. */
    private static final long DEFAULT_SEED = 20261121;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String keycloak = args[1];
        int rows = Integer.parseInt(args[2]);
        Path output = Files.createDirectories(Path.of(args[5]));
        long seed = args.length > 6 ? Long.parseLong(args[6]) : DEFAULT_SEED;
        Path file = output.resolve("inventory-" + rows + "-" + seed + ".csv");
        long generated = System.nanoTime();
        generate(file, rows, Path.of(args[3]), Path.of(args[4]), seed);
        System.out.printf("generated %,d rows (%,d bytes) in %.1f s%n", rows, Files.size(file),
                (System.nanoTime() - generated) / 1e9);

        // HTTP/1.1, as a browser uploads over plain http: the JDK client's default (HTTP/2 after an h2c upgrade on the
        // first GET) made Liberty spend more CPU receiving the 72 MB body than importing it.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = token(http, keycloak);
        String institution = ownInstitution(http, base, token);
        long started = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(base
                + "/api/library/imports?institution=" + URLEncoder.encode(institution, StandardCharsets.UTF_8)
                + "&fileName=" + file.getFileName())).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("upload refused: " + accepted.statusCode() + " " + accepted.body());
        }
        String job = json(accepted.body()).getString("id");
        // The server's CPU time over the job (upload excluded): less sensitive than rates to this machine's other
        // load, so it tells whether a change made the import cheaper when rates move by 10% from run to run.
        double cpuBefore = baseMetric(http, base, "cpu_processCpuTime_seconds");
        double maxHeap = 0;
        JsonObject state;
        do {
            Thread.sleep(1000);
            if ((System.nanoTime() - started) / 1e9 > 600) {
                token = token(http, keycloak); // tokens live 10 minutes
            }
            state = json(http.send(HttpRequest.newBuilder(URI.create(base + "/api/library/imports/" + job))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            maxHeap = Math.max(maxHeap, baseMetric(http, base, "memory_usedHeap_bytes"));
            System.out.printf("  %-9s %,8d rows  %,8.0f rows/s  heap %,5.0f MB%n", state.getString("status"),
                    state.getJsonNumber("rowsDone").longValue(), state.getJsonNumber("rowsPerSecond").doubleValue(),
                    maxHeap / 1e6);
        } while (state.getString("status").equals("QUEUED") || state.getString("status").equals("RUNNING"));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("BENCHMARK import rows %d%n", state.getJsonNumber("rowsDone").longValue());
        System.out.printf("BENCHMARK import status %s%n", state.getString("status"));
        System.out.printf("BENCHMARK import end-to-end %.0f rows/s (%.1f s, upload included)%n",
                state.getJsonNumber("rowsDone").longValue() / seconds, seconds);
        System.out.printf("BENCHMARK import job-reported %.0f rows/s%n",
                state.getJsonNumber("rowsPerSecond").doubleValue());
        System.out.printf("BENCHMARK import created %d updated %d unchanged %d errors %d%n",
                state.getJsonNumber("created").longValue(), state.getJsonNumber("updated").longValue(),
                state.getJsonNumber("unchanged").longValue(), state.getJsonNumber("errorRows").longValue());
        System.out.printf("BENCHMARK import max-heap-used %.0f MB%n", maxHeap / 1e6);
        double cpu = baseMetric(http, base, "cpu_processCpuTime_seconds") - cpuBefore;
        if (cpuBefore > 0) {
            System.out.printf("BENCHMARK import server-cpu %.1f s, %.0f ms per 1,000 rows%n", cpu,
                    cpu * 1e6 / Math.max(1, state.getJsonNumber("rowsDone").longValue()));
        }
    }

    /** Rows in the export's own shape: its header, dates as YYYYMMDD, `;`-separated lists, real titles and IPC. */
    public static void generate(Path file, int rows, Path titlesCsv, Path sample, long seed) throws IOException {
        List<String[]> titles = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(titlesCsv, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord record : parser) {
                titles.add(new String[] {record.get("publication_number"), record.get("title"),
                        record.get("ipc_subclasses")});
            }
        }
        List<String> header;
        try (CSVParser parser = CSVParser.parse(sample, StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
            header = parser.iterator().next().toList().stream().map(h -> h.replace("\uFEFF", "")).toList();
        }
        Random random = new Random(seed);
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            for (int i = 0; i < rows; i++) {
                String[] title = titles.get(random.nextInt(titles.size()));
                String[] other = titles.get(random.nextInt(titles.size()));
                boolean invention = title[0].endsWith("A") || title[0].endsWith("B");
                int year = 2013 + random.nextInt(11);
                // Serial numbers in a block of 100,000 per seed, so that runs with other seeds add patents.
                String digits = year + (invention ? "1" : "2") + String.format("%07d",
                        Math.floorMod(seed, 90) * 100_000L + i % 100_000);
                LocalDate filed = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
                List<String> ipc = new ArrayList<>();
                for (String subclass : title[2].split("\\|")) {
                    ipc.add(subclass + (1 + random.nextInt(40)) + "/" + String.format("%02d", random.nextInt(10) * 2));
                }
                String text = "本发明公开了" + title[1] + "，包括" + other[1].replace("一种", "") + "的结构，"
                        + "解决了现有技术中效率低、成本高的问题，" + title[1].replace("一种", "所述") + "结构简单、便于推广。";
                String claim = "1." + title[1] + "，其特征在于，包括主体、连接件和控制模块，所述主体与"
                        + other[1].replace("一种", "") + "相连。";
                String[] values = new String[header.size()];
                java.util.Arrays.fill(values, "");
                set(header, values, "序号", String.valueOf(i + 1));
                set(header, values, "申请日", filed.toString().replace("-", ""));
                set(header, values, "公开日", filed.plusMonths(6).toString().replace("-", ""));
                set(header, values, "申请人", INSTITUTIONS[random.nextInt(INSTITUTIONS.length)]);
                set(header, values, "发明人", "张伟;李娜;王强");
                set(header, values, "申请号", Inventories.applicationNumber(digits));
                set(header, values, "公开号", title[0]);
                set(header, values, "专利类型", invention ? "发明" : "实用新型");
                set(header, values, "专利名称", title[1]);
                set(header, values, "申请摘要", text);
                set(header, values, "主权项", claim);
                set(header, values, "法律状态", LEGAL[random.nextInt(LEGAL.length)]);
                set(header, values, "主分类号", ipc.get(0));
                set(header, values, "分类号", String.join(";", ipc));
                set(header, values, "国省代码", "湖北(42)");
                set(header, values, "申请人类型", "大专院校");
                set(header, values, "引证数", String.valueOf(random.nextInt(5)));
                set(header, values, "专利转移次数", String.valueOf(random.nextInt(10) == 0 ? 1 : 0));
                set(header, values, "许可次数", "0");
                set(header, values, "质押次数", "0");
                set(header, values, "简单同族数量", "1");
                printer.printRecord((Object[]) values);
            }
        }
    }

    private static void set(List<String> header, String[] values, String column, String value) {
        int index = header.indexOf(column);
        if (index >= 0) {
            values[index] = value;
        }
    }

    private static String token(HttpClient http, String keycloak) throws Exception {
        String form = "grant_type=password&client_id=ipop-cli&username=hubei-tto&password=demo1234";
        return json(http.send(HttpRequest.newBuilder(URI.create(keycloak
                + "/realms/ipop/protocol/openid-connect/token")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).getString("access_token");
    }

    /**
     * The first institution the TTO acts for (a TTO imports its own institution's patents only; the demo data make
     * hubei-tto a member of the centre's universities).
     */
    private static String ownInstitution(HttpClient http, String base, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/library/institutions"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        var institutions = Json.createReader(new StringReader(response.body())).readArray();
        if (response.statusCode() != 200 || institutions.isEmpty()) {
            throw new IllegalStateException("hubei-tto acts for no institution (" + response.statusCode()
                    + "): start the platform with its demo data (./ipop run)");
        }
        return institutions.getJsonObject(0).getString("name");
    }

    /** A base metric of the server (Prometheus format), or 0 if it has none of that name. */
    private static double baseMetric(HttpClient http, String base, String name) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics?scope=base")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
