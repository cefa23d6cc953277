package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.ipop.app.benchmark.ImportBenchmark;
import org.ipop.app.support.Api;
import org.ipop.app.support.CrashableLiberty;
import org.ipop.app.support.RealKeycloak;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The promise for imports: "a crash or restart during an import loses no acknowledged row, and the job can be
 * resumed". A server of its own (not the Arquillian one) imports a generated inventory in the real export shape, is
 * killed with SIGKILL once a few thousand rows are acknowledged, and is started again on the same data: the job must
 * resume by itself and finish with every row imported once, findable in the search index.
 */
@ExtendWith(RealKeycloak.class)
class LibraryImportCrashIT {

    private static final int ROWS = 20_000;
    private static final String INSTITUTION = "断电恢复测试大学";

    @Test
    void an_import_killed_midway_resumes_after_restart_and_loses_no_row() throws Exception {
        Path target = Path.of(System.getProperty("ipop.war")).getParent();
        Path inventory = target.resolve("crash-test/inventory.csv");
        Files.createDirectories(inventory.getParent());
        ImportBenchmark.generate(inventory, ROWS, Path.of(System.getProperty("ipop.titles.csv")),
                Path.of(System.getProperty("ipop.sample.csv")), 4242);

        try (CrashableLiberty liberty = CrashableLiberty.start(19081, target.resolve("crash-test/data"))) {
            String operator = Tokens.of("hubei-operator"); // staff import for any institution; a new one is registered
            Api.Reply accepted = Api.send(HttpRequest.newBuilder(URI.create(liberty.baseUrl()
                    + "/api/library/imports?institution=" + URLEncoder.encode(INSTITUTION, StandardCharsets.UTF_8)
                    + "&fileName=inventory.csv")).header("Authorization", "Bearer " + operator)
                    .header("Content-Type", "application/octet-stream").timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofFile(inventory)).build());
            assertEquals(202, accepted.status(), accepted.body());
            String job = liberty.baseUrl() + "/api/library/imports/" + accepted.json().getString("id");

            // Kill once some batches are acknowledged, well before the end.
            long acknowledged = 0;
            long deadline = System.currentTimeMillis() + 180_000;
            while (acknowledged < 3_000 && System.currentTimeMillis() < deadline) {
                JsonObject progress = Api.get(job, operator).json();
                assertEquals("RUNNING", progress.getString("status"), "the import ended before the kill: " + progress);
                acknowledged = progress.getJsonNumber("rowsDone").longValue();
                Thread.sleep(100);
            }
            assertTrue(acknowledged >= 3_000 && acknowledged < ROWS, "rows done before the kill: " + acknowledged);
            liberty.kill();

            liberty.startAgain();
            operator = Tokens.of("hubei-operator");
            JsonObject finished = waitForEnd(job, operator, 240_000);
            assertEquals("COMPLETED", finished.getString("status"), finished.toString());
            assertEquals(ROWS, finished.getJsonNumber("rowsDone").longValue(), finished.toString());
            assertEquals(0, finished.getJsonNumber("errorRows").longValue(), finished.toString());
            // Rows stored before the kill but after the last recorded batch are replayed and found unchanged.
            assertEquals(ROWS, finished.getJsonNumber("created").longValue()
                    + finished.getJsonNumber("unchanged").longValue(), finished.toString());
            assertTrue(finished.getJsonNumber("created").longValue() >= ROWS - 1_000, finished.toString());

            // Every row is in MongoDB once (the application number is the key) and in the search index, which
            // was caught up from its last commit after the kill.
            JsonObject page = Api.get(liberty.baseUrl() + "/api/library/patents?institution="
                    + URLEncoder.encode(INSTITUTION, StandardCharsets.UTF_8) + "&size=1", operator).json();
            assertEquals(ROWS, page.getJsonNumber("total").longValue(), "patents of the institution in the index");
        }
    }

    private static JsonObject waitForEnd(String job, String token, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        JsonObject progress = Api.get(job, token).json();
        while (System.currentTimeMillis() < deadline) {
            progress = Api.get(job, token).json();
            String status = progress.getString("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return progress;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the import did not finish after the restart: " + progress);
    }
}
