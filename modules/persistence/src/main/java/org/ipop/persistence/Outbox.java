package org.ipop.persistence;

import com.mongodb.client.model.Updates;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Events kept inside the aggregate's own document, written in the same single-document update as the state change
 * they report. With no multi-document transactions (the embedded server has none), this is what makes "the state
 * changed" and "the event will be delivered" one atomic fact; {@link OutboxRelay} delivers and removes them.
 */
public final class Outbox {

    /** The array field that holds pending events in an aggregate document. */
    public static final String FIELD = "_outbox";

    private static final Jsonb JSON = JsonbBuilder.create();

    private Outbox() {
    }

    /** The update that appends these events to the document's outbox; combine it with the state change. */
    public static Bson append(Object... events) {
        List<Document> entries = Arrays.stream(events).map(Outbox::entry).toList();
        return Updates.pushEach(FIELD, entries);
    }

    /** The outbox entries to put in a new document's {@link #FIELD} on insert. */
    public static List<Document> entries(Object... events) {
        return Arrays.stream(events).map(Outbox::entry).toList();
    }

    static Document entry(Object event) {
        return new Document("_id", UUID.randomUUID().toString())
                .append("type", event.getClass().getName())
                .append("payload", JSON.toJson(event))
                .append("occurredAt", java.util.Date.from(Instant.now()));
    }

    static Object payloadOf(Document entry, ClassLoader loader) throws ClassNotFoundException {
        Class<?> type = Class.forName(entry.getString("type"), true, loader);
        return JSON.fromJson(entry.getString("payload"), type);
    }
}
