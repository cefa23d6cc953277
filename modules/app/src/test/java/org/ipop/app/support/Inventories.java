package org.ipop.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Inventory files for the library's integration tests, and the upload-and-wait round trip. */
public final class Inventories {

    public static final String HEADER = "申请号,专利名称,申请日,专利类型,主分类号,分类号,申请摘要,主权项,申请人,申请人类型,法律状态";

    private Inventories() {
    }

    public static byte[] realSample() {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("ipop.sample.csv")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, valid application number (year 2023, invention), so repeated runs never meet old data. */
    public static String newApplicationNumber() {
        return applicationNumber("20231" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)));
    }

    /** {@code CN} + the 12 digits + {@code .} + their check digit (weights 2–9, 2–5; sum mod 11; 10 is X). */
    public static String applicationNumber(String digits) {
        int[] weights = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int check = sum % 11;
        return "CN" + digits + "." + (check == 10 ? "X" : String.valueOf(check));
    }

    /** One CSV row of an invention about hydrogen storage (IPC F17C, C01B3). */
    public static String row(String applicationNumber, String title) {
        return applicationNumber + "," + title + ",20230315,发明,C01B3/00,C01B3/00;F17C1/00,"
                + "本发明公开了一种固态储氢材料及其制备方法，提高了储氢密度。,1.一种储氢装置，其特征在于包括储氢罐。,华中科技大学,大专院校,审中-实审";
    }

    /** Uploads a file as {@code token}'s tenant and waits for its import to finish; returns the finished job. */
    public static Api.Reply importAndWait(String token, String institution, String fileName, byte[] content) {
        String path = "/api/library/imports?institution=" + URLEncoder.encode(institution, StandardCharsets.UTF_8)
                + "&fileName=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8);
        Api.Reply started = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
        if (started.status() != 202) {
            throw new AssertionError("import not accepted: HTTP " + started.status() + " " + started.body());
        }
        String id = started.json().getString("id");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Api.Reply job = Api.get("/api/library/imports/" + id, token);
            String status = job.json().getString("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return job;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("import " + id + " did not finish within 60 s");
    }
}
