package org.ipop.persistence.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents are stored as BSON ({@link BsonDocumentType}): every BSON type the platform writes comes back equal
 * after a restart (which also compacts the file), and a file written by the stock backend (Java-serialised
 * documents, an {@code _id} index ordered by serialised bytes) is still read, and can be changed, with its unique
 * index still enforced.
 */
class BsonDocumentStorageTest {

    @TempDir
    Path dataDirectory;

    private static Document everyType(int n) {
        return new Document("_id", "CN" + n)
                .append("text", "一种基于深度学习的摄像头 " + n)
                .append("int", n)
                .append("long", 1L << 40)
                .append("double", 12.5)
                .append("decimal", Decimal128.parse("3.14"))
                .append("flag", true)
                .append("nothing", null)
                .append("date", new Date(1_763_683_200_000L))
                .append("objectId", new ObjectId("6720a1b2c3d4e5f600000001"))
                .append("binary", new Binary(new byte[] {1, 2, 3}))
                .append("list", List.of("H04N5/225", "G06T7/00"))
                .append("nested", new Document("tags", List.of(new Document("catalog", "SEI_2021")
                        .append("rule", 2).append("keyword", "摄像头"))));
    }

    @Test
    void a_binary_value_counts_its_bytes_in_the_memory_estimate() {
        // MVStore sizes its pages and its cache by this estimate: a 1 MiB upload chunk estimated at a few bytes kept
        // whole uploads in one page, written again at every chunk's commit.
        byte[] chunk = new byte[1 << 20];
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "job:0")
                .append("data", new de.bwaldvogel.mongo.bson.BinData(chunk));
        int estimate = new BsonDocumentType().getMemory(document);
        assertTrue(estimate >= chunk.length && estimate < chunk.length + 1_000, "estimate " + estimate);
    }

    @Test
    void documents_encoded_one_after_another_each_read_back_whole() {
        // The encoding buffer is reused per thread: a small document after a large one (an upload chunk, whose
        // buffer is then dropped) and after a smaller one must carry nothing of the one before.
        BsonDocumentType type = new BsonDocumentType();
        byte[] chunk = new byte[600_000];
        chunk[chunk.length - 1] = 7;
        List<de.bwaldvogel.mongo.bson.Document> documents = List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "a").append("title", "一种无人机电池管理系统"),
                new de.bwaldvogel.mongo.bson.Document("_id", "job:0")
                        .append("data", new de.bwaldvogel.mongo.bson.BinData(chunk)),
                new de.bwaldvogel.mongo.bson.Document("_id", "b"),
                new de.bwaldvogel.mongo.bson.Document("_id", "c").append("list", List.of("H04N5/225", "G06T7/00")));
        for (de.bwaldvogel.mongo.bson.Document document : documents) {
            WriteBuffer buffer = new WriteBuffer();
            type.write(buffer, document);
            ByteBuffer written = buffer.getBuffer();
            written.flip();
            de.bwaldvogel.mongo.bson.Document read = type.read(written);
            assertEquals(document.keySet(), read.keySet());
            if (document.get("data") instanceof de.bwaldvogel.mongo.bson.BinData data) {
                assertTrue(java.util.Arrays.equals(data.getData(),
                        ((de.bwaldvogel.mongo.bson.BinData) read.get("data")).getData()));
            } else {
                assertEquals(document, read);
            }
            assertEquals(0, written.remaining(), "the value ends where its bytes end");
        }
    }

    @Test
    void every_type_survives_a_restart_with_compaction() {
        List<Document> written = new ArrayList<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> patents = client.getDatabase("ipop_t_bson").getCollection("patents");
            for (int n = 0; n < 3_000; n++) { // enough for many index pages
                written.add(everyType(n));
            }
            patents.insertMany(written);
            patents.updateOne(Filters.eq("_id", "CN7"), Updates.set("nested.reviewed", true));
            written.set(7, everyType(7).append("nested", new Document("tags", List.of(new Document("catalog",
                    "SEI_2021").append("rule", 2).append("keyword", "摄像头"))).append("reviewed", true)));
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> patents = client.getDatabase("ipop_t_bson").getCollection("patents");
            List<Document> read = patents.find().sort(new Document("int", 1)).into(new ArrayList<>());
            assertEquals(written, read);
            // The compaction copied the _id index page by page: every key is still found through it.
            for (int n = 0; n < 3_000; n += 7) {
                assertEquals(written.get(n), patents.find(Filters.eq("_id", "CN" + n)).first());
            }
            assertThrows(MongoWriteException.class, () -> patents.insertOne(new Document("_id", "CN2999")));
            patents.insertOne(new Document("_id", "CN3000"));
            assertEquals(3_001, patents.countDocuments());
        }
    }

    @Test
    void a_file_of_the_stock_backend_is_read_and_can_be_changed() {
        MVStore stock = new MVStore.Builder().fileName(dataDirectory.resolve("ipop.mv.db").toString()).open();
        H2Backend stockBackend = new H2Backend(stock);
        MongoServer stockServer = new MongoServer(stockBackend);
        stockServer.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + stockServer.getLocalAddress()
                .getPort())) {
            client.getDatabase("ipop_t_old").getCollection("patents").insertMany(List.of(everyType(1),
                    everyType(2)));
        } finally {
            stockServer.shutdownNow();
            stockBackend.close();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> patents = client.getDatabase("ipop_t_old").getCollection("patents");
            assertEquals(everyType(1), patents.find(Filters.eq("_id", "CN1")).first());
            patents.updateOne(Filters.eq("_id", "CN2"), Updates.set("text", "changed"));
            patents.insertOne(everyType(3));
            // The _id index was rebuilt from the stock one: it still knows CN1.
            MongoWriteException duplicate = assertThrows(MongoWriteException.class,
                    () -> patents.insertOne(new Document("_id", "CN1")));
            assertEquals(11000, duplicate.getCode());
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> patents = client.getDatabase("ipop_t_old").getCollection("patents");
            assertEquals(everyType(1), patents.find(Filters.eq("_id", "CN1")).first());
            assertEquals(everyType(2).append("text", "changed"), patents.find(Filters.eq("_id", "CN2")).first());
            assertEquals(everyType(3), patents.find(Filters.eq("_id", "CN3")).first());
            assertEquals(3, patents.countDocuments());
            assertThrows(MongoWriteException.class, () -> patents.insertOne(new Document("_id", "CN3")));
        }
    }
}
