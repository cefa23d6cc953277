package org.ipop.persistence.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's promise: a write the server acknowledged is in the file, even when the process is killed
 * with SIGKILL right after. A child JVM writes and reports every acknowledgement; it is killed mid-stream, the
 * store is reopened (with its start-up compaction), and every acknowledged write must be there.
 */
class AcknowledgedWritesSurviveKillTest {

    @TempDir
    Path dataDirectory;

    @Test
    void every_acknowledged_insert_and_update_is_present_after_kill_9() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AcknowledgingWriter.class.getName(), dataDirectory.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && acknowledged.size() < 600) {
                if (line.startsWith("ACK")) {
                    acknowledged.add(line);
                }
            }
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
        }
        assertEquals(600, acknowledged.size(), "the writer stopped before it was killed");

        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(dataDirectory);
                MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> patents = client.getDatabase("ipop_t_durability").getCollection("patents");
            for (String ack : acknowledged) {
                String[] parts = ack.split(" ");
                if (parts[0].equals("ACK-BATCH")) {
                    int first = Integer.parseInt(parts[1]);
                    int last = Integer.parseInt(parts[2]);
                    for (int n = first; n <= last; n++) {
                        assertEquals(1, patents.countDocuments(new Document("_id", "CN" + n)),
                                "acknowledged batch insert CN" + n + " lost");
                    }
                } else {
                    Document patent = patents.find(new Document("_id", "CN" + parts[1])).first();
                    assertTrue(patent != null, "acknowledged insert CN" + parts[1] + " lost");
                    assertEquals(true, patent.getBoolean("reviewed"), "acknowledged update of CN" + parts[1] + " lost");
                }
            }
        }
    }
}
