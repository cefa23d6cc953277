package org.ipop.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * Delivers the events pending in a collection's {@link Outbox outboxes} as CDI events, oldest first per document,
 * and removes each one only after every observer returned. An observer that fails leaves the event in place for
 * the next relay, so delivery is at least once and observers must be idempotent.
 *
 * <p>Owners call {@link #relay} right after a write that appended events (the fast path) and on a schedule (the
 * sweep that catches what a crash interrupted).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    private final Consumer<Object> delivery;

    @Inject
    public OutboxRelay(BeanManager beans) {
        this(event -> beans.getEvent().fire(event));
    }

    /** For delivery without CDI, in tests of pure persistence behaviour. */
    public OutboxRelay(Consumer<Object> delivery) {
        this.delivery = delivery;
    }

    /** For CDI's client proxy only. */
    protected OutboxRelay() {
        this.delivery = null;
    }

    /** Delivers what is pending in {@code collection}; returns how many events were delivered. */
    public int relay(MongoCollection<Document> collection) {
        int delivered = 0;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (Document aggregate : collection.find(Filters.exists(Outbox.FIELD + ".0"))
                .projection(new Document(Outbox.FIELD, 1))) {
            List<Document> pending = aggregate.getList(Outbox.FIELD, Document.class, List.of());
            for (Document entry : pending) {
                try {
                    delivery.accept(Outbox.payloadOf(entry, loader));
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "Event " + entry.getString("type") + " of " + aggregate.get("_id")
                            + " not delivered; it stays in the outbox for the next relay", e);
                    break;
                }
                collection.updateOne(Filters.eq("_id", aggregate.get("_id")),
                        Updates.pull(Outbox.FIELD, new Document("_id", entry.getString("_id"))));
                delivered++;
            }
        }
        return delivered;
    }
}
