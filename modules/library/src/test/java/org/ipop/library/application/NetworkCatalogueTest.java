package org.ipop.library.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.ipop.kernel.TenantId;
import org.ipop.library.CataloguePatent;
import org.ipop.library.persistence.MongoCatalogue;
import org.ipop.persistence.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network catalogue's search index is derived from MongoDB (through the official driver, against the embedded
 * MongoDB-protocol store): opened again after changes it did not see — a crash between MongoDB and the index — it
 * catches up with what was published or changed and is rebuilt when it holds another number of entries.
 */
class NetworkCatalogueTest {

    private static final TenantId HUBEI = new TenantId("hubei");

    @TempDir
    Path dataDirectory;
    private TestStore testStore;
    private MongoClient client;
    private MongoCatalogue store;
    private NetworkCatalogue catalogue;

    @BeforeEach
    void start() {
        testStore = TestStore.start(dataDirectory.resolve("store"));
        client = testStore.client();
        store = new MongoCatalogue(testStore.databases());
        patent("CN202310000001.5", "一种车载储氢系统");
        patent("CN202310000002.X", "一种秸秆粉碎还田机");
        catalogue = open();
        catalogue.publish(HUBEI, "CN202310000001.5");
        catalogue.publish(HUBEI, "CN202310000002.X");
        // Published two hours ago: opening the index again re-reads only what changed since its last commit (less
        // a minute's slack), so what it finds then, it found through its catch-up or rebuild.
        Date earlier = new Date(System.currentTimeMillis() - 2 * 3_600_000);
        client.getDatabase("ipop_network").getCollection("catalogue").updateMany(new Document(),
                Updates.combine(Updates.set("publishedAt", earlier), Updates.set("changedAt", earlier)));
    }

    @AfterEach
    void stop() {
        catalogue.close();
        testStore.close();
    }

    @Test
    void publishing_and_withdrawing_are_searchable_at_once() {
        assertEquals(List.of("CN202310000001.5"), found("储氢 车载"));
        catalogue.withdraw(HUBEI, "CN202310000001.5");
        assertEquals(List.of(), found("储氢"));
        assertEquals(1, catalogue.searchableEntries());
        assertEquals(List.of("CN202310000002.X"), found("秸秆"));
    }

    @Test
    void a_withdrawal_the_index_missed_is_repaired_by_rebuilding_when_the_counts_differ() {
        catalogue.close();
        // What a crash after MongoDB's delete and before the index's leaves behind.
        store.withdraw(HUBEI, "CN202310000001.5");

        catalogue = open();
        assertEquals(1, catalogue.searchableEntries(), "rebuilt without the withdrawn patent");
        assertEquals(List.of(), found("储氢"), "the withdrawn patent is no longer found");
        assertEquals(List.of("CN202310000002.X"), found("秸秆"));
    }

    @Test
    void a_change_the_index_missed_is_caught_up_when_it_is_opened() {
        catalogue.close();
        client.getDatabase("ipop_t_hubei").getCollection("patents").updateOne(Filters.eq("_id", "CN202310000002.X"),
                Updates.set("biblio.title", "一种秸秆粉碎还田与打捆一体机"));
        store.republish(HUBEI, List.of("CN202310000002.X"));

        catalogue = open();
        assertEquals(List.of("CN202310000002.X"), found("打捆"), "the changed title is searchable");
        assertEquals(List.of("CN202310000001.5"), found("储氢"));
    }

    @Test
    void a_patent_that_is_not_published_is_not_republished() {
        patent("CN202310000003.3", "一种风力发电机叶片");
        catalogue.republish(HUBEI, List.of("CN202310000003.3"));
        assertEquals(List.of(), found("叶片"));
        assertEquals(2, store.count());
    }

    @Test
    void republishing_keeps_the_place_among_the_newest() {
        List<String> before = catalogue.page(null, 0, 10).stream().map(CataloguePatent::applicationNumber).toList();
        client.getDatabase("ipop_t_hubei").getCollection("patents").updateOne(Filters.eq("_id", "CN202310000001.5"),
                Updates.set("biblio.title", "一种车载高压储氢系统"));
        catalogue.republish(HUBEI, List.of("CN202310000001.5"));

        assertEquals(before, catalogue.page(null, 0, 10).stream().map(CataloguePatent::applicationNumber).toList());
        assertEquals(List.of("CN202310000001.5"), found("高压储氢"));
    }

    private NetworkCatalogue open() {
        return new NetworkCatalogue(dataDirectory.resolve("data").toString(), store);
    }

    private List<String> found(String words) {
        return catalogue.page(words, 0, 10).stream().map(CataloguePatent::applicationNumber).toList();
    }

    private void patent(String number, String title) {
        MongoCollection<Document> patents = client.getDatabase("ipop_t_hubei").getCollection("patents");
        patents.insertOne(new Document("_id", number).append("institution", "华中科技大学")
                .append("biblio", new Document("title", title).append("abstract", title + "，结构简单。")
                        .append("type", "INVENTION").append("legalStatus", "有效").append("filingDate", "2023-01-05")
                        .append("ipc", List.of("A01D34/00")))
                .append("analysis", new Document("tags", List.of()))
                .append("status", "ADMITTED").append("createdAt", new Date()));
    }
}
