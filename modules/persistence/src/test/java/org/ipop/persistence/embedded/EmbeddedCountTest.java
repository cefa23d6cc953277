package org.ipop.persistence.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Collation;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's {@code countDocuments} is answered from the collection's count instead of an in-memory aggregation
 * that held every document (which made a server with 600,000 patents run out of heap at start-up), with the same
 * numbers as the aggregation; other aggregations still run as before.
 */
class EmbeddedCountTest {

    @TempDir
    Path dataDirectory;

    @Test
    void count_documents_gives_the_aggregations_numbers_without_running_it() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> patents = client.getDatabase("ipop_t_count").getCollection("patents");
            List<Document> documents = new ArrayList<>();
            for (int n = 0; n < 2_500; n++) {
                documents.add(new Document("_id", "CN" + n).append("institution", "机构" + (n % 5))
                        .append("status", n % 2 == 0 ? "ADMITTED" : "INVENTORIED"));
            }
            patents.insertMany(documents);
            int before = server.countsAnsweredDirectly();

            assertEquals(2_500, patents.countDocuments());
            assertEquals(500, patents.countDocuments(Filters.eq("institution", "机构3")));
            assertEquals(250, patents.countDocuments(Filters.and(Filters.eq("institution", "机构3"),
                    Filters.eq("status", "ADMITTED"))));
            assertEquals(0, patents.countDocuments(Filters.eq("institution", "无此机构")));
            assertEquals(2_400, patents.countDocuments(new Document(), new CountOptions().skip(100)));
            assertEquals(100, patents.countDocuments(new Document(), new CountOptions().limit(100)));
            assertEquals(50, patents.countDocuments(Filters.eq("institution", "机构1"),
                    new CountOptions().skip(450).limit(100)));
            assertEquals(0, client.getDatabase("ipop_t_count").getCollection("absent").countDocuments());
            assertEquals(8, server.countsAnsweredDirectly() - before, "every count answered directly");

            // Another grouping is not a count: the server runs it.
            List<Document> byStatus = patents.aggregate(List.of(Aggregates.match(Filters.eq("institution", "机构0")),
                    Aggregates.group("$status", Accumulators.sum("n", 1)),
                    Aggregates.sort(new Document("_id", 1)))).into(new ArrayList<>());
            assertEquals(List.of(new Document("_id", "ADMITTED").append("n", 250),
                    new Document("_id", "INVENTORIED").append("n", 250)), byStatus);
            assertEquals(8, server.countsAnsweredDirectly() - before);

            // With a collation strings compare otherwise than the collection's count would: the server's own path.
            assertEquals(500, patents.countDocuments(Filters.eq("institution", "机构3"),
                    new CountOptions().collation(Collation.builder().locale("zh").build())));
            assertEquals(8, server.countsAnsweredDirectly() - before);
        }
    }
}
