package org.ipop.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.ipop.persistence.embedded.EmbeddedMongoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxRelayTest {

    public record PatentAdmitted(String tenant, String patent) {
    }

    @TempDir
    Path dataDirectory;
    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoCollection<Document> patents;

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.start(dataDirectory);
        client = MongoClients.create(server.connectionString());
        patents = client.getDatabase("ipop_t_outbox").getCollection("patents");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void delivers_events_written_with_the_state_change_and_then_removes_them() {
        patents.insertOne(new Document("_id", "p1").append("status", "inventoried"));
        patents.updateOne(Filters.eq("_id", "p1"), Updates.combine(Updates.set("status", "admitted"),
                Outbox.append(new PatentAdmitted("hubei", "p1"))));

        List<Object> delivered = new ArrayList<>();
        assertEquals(1, new OutboxRelay(delivered::add).relay(patents));

        assertEquals(List.of(new PatentAdmitted("hubei", "p1")), delivered);
        assertEquals(List.of(), patents.find().first().getList(Outbox.FIELD, Document.class));
        assertEquals(0, new OutboxRelay(delivered::add).relay(patents), "a delivered event is not delivered again");
    }

    @Test
    void an_event_whose_listener_fails_stays_pending_until_a_later_relay_succeeds() {
        patents.insertOne(new Document("_id", "p2").append(Outbox.FIELD,
                Outbox.entries(new PatentAdmitted("hubei", "p2"), new PatentAdmitted("hubei", "p2-next"))));

        int deliveredWhileFailing = new OutboxRelay(event -> {
            throw new IllegalStateException("listener down");
        }).relay(patents);
        assertEquals(0, deliveredWhileFailing);
        assertEquals(2, patents.find().first().getList(Outbox.FIELD, Document.class).size());

        List<Object> delivered = new ArrayList<>();
        new OutboxRelay(delivered::add).relay(patents);
        assertEquals(List.of(new PatentAdmitted("hubei", "p2"), new PatentAdmitted("hubei", "p2-next")), delivered,
                "events keep their order");
    }
}
