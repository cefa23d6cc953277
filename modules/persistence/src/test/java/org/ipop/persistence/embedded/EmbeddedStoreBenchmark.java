package org.ipop.persistence.embedded;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;

/**
 * The figures in docs/benchmarks.md for the embedded store: insert and update rates, lookup latency, file size and
 * restart time with {@link DurableH2Backend} committing after every write. Run with {@code mvn -Pbenchmark -pl
 * modules/persistence -am verify -DskipTests}; arguments: data directory (emptied first), document count.
 */
public final class EmbeddedStoreBenchmark {

    private static final int BATCH = 1_000;
    private static final int SAMPLES = 10_000;
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    private EmbeddedStoreBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        deleteRecursively(directory);
        Random random = new Random(42); // fixed seed: every run touches the same documents

        EmbeddedMongoServer server = EmbeddedMongoServer.start(directory);
        MongoClient client = MongoClients.create(server.connectionString());
        MongoCollection<Document> patents = client.getDatabase("ipop_benchmark").getCollection("patents");

        long started = System.nanoTime();
        for (int first = 0; first < count; first += BATCH) {
            List<Document> batch = new ArrayList<>(BATCH);
            for (int n = first; n < Math.min(first + BATCH, count); n++) {
                batch.add(PatentSizedDocument.number(n));
            }
            patents.insertMany(batch);
        }
        record("insertMany (batches of 1,000)", "docs/s", "%.0f", count / seconds(started));
        record("file size after load", "MB", "%.1f", megabytes(server.file()));

        // Unmeasured warm-up so the latency figures describe the steady state, not JIT compilation of the read path.
        for (int i = 0; i < 1_000; i++) {
            patents.find(eq("_id", "CN" + random.nextInt(count))).first();
        }
        double[] millis = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            String id = "CN" + random.nextInt(count);
            long t = System.nanoTime();
            Document found = patents.find(eq("_id", id)).first();
            millis[i] = (System.nanoTime() - t) / 1e6;
            if (found == null) {
                fail("lookup of " + id + " found nothing");
            }
        }
        Arrays.sort(millis);
        record("find by _id, mean", "ms", "%.3f", Arrays.stream(millis).average().orElseThrow());
        record("find by _id, p50", "ms", "%.3f", millis[SAMPLES / 2]);
        record("find by _id, p99", "ms", "%.3f", millis[SAMPLES * 99 / 100]);

        Set<String> updated = new HashSet<>();
        started = System.nanoTime();
        for (int i = 0; i < SAMPLES; i++) {
            String id = "CN" + random.nextInt(count);
            patents.updateOne(eq("_id", id), set("reviewed", true));
            updated.add(id);
        }
        record("updateOne by _id (single document)", "ops/s", "%.0f", SAMPLES / seconds(started));
        record("file size after 10k updates", "MB", "%.1f", megabytes(server.file()));

        client.close();
        server.close();
        started = System.nanoTime();
        server = EmbeddedMongoServer.start(directory); // compacts the file offline before opening it
        record("restart: EmbeddedMongoServer.start (incl. compaction)", "ms", "%.0f", millisSince(started));
        long compacted = Files.size(server.file()); // the compacted size, before any query touches the store
        client = MongoClients.create(server.connectionString());
        patents = client.getDatabase("ipop_benchmark").getCollection("patents");
        if (patents.find(eq("_id", "CN0")).first() == null) {
            fail("the first query after the restart found nothing");
        }
        record("restart: to first successful query", "ms", "%.0f", millisSince(started));
        record("file size after restart (compacted)", "MB", "%.1f", compacted / 1e6);

        // The updates must have survived the restart as well as the inserts.
        long present = patents.countDocuments();
        long reviewed = patents.countDocuments(eq("reviewed", true));
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        record("heap used at the end (after System.gc())", "MB", "%.0f",
                (runtime.totalMemory() - runtime.freeMemory()) / 1e6);
        client.close();
        server.close();

        System.out.printf("%nEmbedded store benchmark, %s, %d documents, %d processors, Java %s, %s %s (%s)%n",
                LocalDate.now(), count, runtime.availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"));
        FIGURES.forEach((name, value) -> System.out.printf("  %-56s %12s%n", name, value));
        System.out.println();
        FIGURES.forEach((name, value) -> System.out.println("BENCHMARK embedded-store " + key(name) + " "
                + value));
        if (present != count || reviewed != updated.size()) {
            fail(present + " of " + count + " documents present, " + reviewed + " of " + updated.size()
                    + " updates present");
        }
        System.out.println("verified: all " + count + " documents and " + updated.size() + " updated documents present");
    }

    private static void record(String name, String unit, String format, double value) {
        FIGURES.put(name, String.format(format, value) + " " + unit);
    }

    /** "find by _id, p99" → "find-by-_id-p99", so each machine-readable line is {@code key value unit}. */
    private static String key(String name) {
        return name.replaceAll("\\(.*\\)", "").trim().replaceAll("[^A-Za-z0-9_]+", "-").replaceAll("-$", "");
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e6;
    }

    private static double megabytes(Path file) throws IOException {
        return Files.size(file) / 1e6;
    }

    private static void fail(String message) {
        System.err.println("BENCHMARK FAILED: " + message);
        System.exit(1);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
