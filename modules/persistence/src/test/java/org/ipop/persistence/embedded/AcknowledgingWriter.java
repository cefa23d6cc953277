package org.ipop.persistence.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Runs in a child JVM for {@link AcknowledgedWritesSurviveKillTest}: writes to the embedded store forever,
 * alternating single inserts, batches and updates, and prints a line for every write the server acknowledged.
 * The test kills it with SIGKILL at an arbitrary moment.
 */
public final class AcknowledgingWriter {

    public static void main(String[] args) {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(Path.of(args[0]));
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> patents = client.getDatabase("ipop_t_durability").getCollection("patents");
            System.out.println("READY");
            System.out.flush();
            for (int n = 0; ; n++) {
                if (n % 3 == 2) {
                    List<Document> batch = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        batch.add(PatentSizedDocument.number(n * 100 + i));
                    }
                    patents.insertMany(batch);
                    System.out.println("ACK-BATCH " + (n * 100) + " " + (n * 100 + 19));
                } else {
                    patents.insertOne(PatentSizedDocument.number(n * 100));
                    patents.updateOne(new Document("_id", "CN" + (n * 100)),
                            new Document("$set", new Document("reviewed", true)));
                    System.out.println("ACK-UPDATE " + (n * 100));
                }
                System.out.flush();
            }
        }
    }
}
