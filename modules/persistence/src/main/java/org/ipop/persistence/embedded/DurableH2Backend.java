package org.ipop.persistence.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.mvstore.MVStore;

/**
 * The stock H2 backend leaves committing to MVStore's background thread, so a {@code kill -9} loses about the last
 * second of writes the client was told had succeeded. This backend commits before it answers any command that
 * changes data, so an acknowledged write is in the file before the acknowledgement leaves the process.
 *
 * <p>Commit is not fsync: after a power loss the operating system may still lose the newest pages. Installations
 * that need that guarantee run a real MongoDB replica set (see docs/operations.md).
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    /** The last stage of the driver's {@code countDocuments} pipeline. */
    private static final Document COUNT_GROUP = new Document("$group",
            new Document("_id", 1).append("n", new Document("$sum", 1)));

    private final AtomicInteger countsAnsweredDirectly = new AtomicInteger();

    DurableH2Backend(MVStore store) {
        super(store);
    }

    /**
     * Databases whose documents are stored as BSON rather than Java-serialised (see {@link BsonDocumentType}).
     * Also called by the super constructor for the existing databases, hence {@code getMvStore()} and no field.
     */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return BsonH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("aggregate".equalsIgnoreCase(command)) {
            Document counted = countWithoutHoldingDocuments(databaseName, query);
            if (counted != null) {
                return counted;
            }
        }
        Document response = super.handleCommand(channel, databaseName, command, query);
        if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return response;
    }

    /** How many counts were answered by {@link #countWithoutHoldingDocuments} (for tests). */
    int countsAnsweredDirectly() {
        return countsAnsweredDirectly.get();
    }

    /** The most documents a sorted, limited find in this collection has held at once (for tests). */
    int largestSortedSelection(String databaseName, String collectionName) {
        MongoCollection<?> collection = resolveDatabase(databaseName).resolveCollection(collectionName, false);
        return collection instanceof BsonH2Collection bson ? bson.largestSortedSelection() : 0;
    }

    /**
     * Answers the driver's {@code countDocuments} (an aggregation: {@code $match}, optionally {@code $skip} and
     * {@code $limit}, then {@code {$group: {_id: 1, n: {$sum: 1}}}}) with the collection's own count, or returns
     * null for any other aggregation.
     *
     * <p>Why: the stock server runs every aggregation in memory, so counting a collection decoded and held all its
     * documents at once. At start-up the platform counts each tenant's patents (should demo data be seeded?) and the
     * catalogue's entries (is its search index complete?): with 600,000 patents that alone filled a 1 GiB heap and
     * the server never became usable. The collection's count needs nothing for an empty filter (the map's size) and
     * only the ids of the matches otherwise.
     */
    private Document countWithoutHoldingDocuments(String databaseName, Document command) {
        if (!(command.get("aggregate") instanceof String collectionName)
                || !(command.get("pipeline") instanceof List<?> pipeline) || pipeline.isEmpty()
                || !(pipeline.getFirst() instanceof Document match) || match.size() != 1
                || !(match.get("$match") instanceof Document filter)
                || !(pipeline.getLast() instanceof Document group) || !COUNT_GROUP.equals(group)
                || command.containsKey("collation")) { // compares strings otherwise: the server's own path
            return null;
        }
        int skip = 0;
        int limit = 0;
        for (Object stage : pipeline.subList(1, pipeline.size() - 1)) {
            if (stage instanceof Document document && document.size() == 1
                    && document.get("$skip") instanceof Number value && skip == 0 && limit == 0) {
                skip = value.intValue();
            } else if (stage instanceof Document document && document.size() == 1
                    && document.get("$limit") instanceof Number value && limit == 0) {
                limit = value.intValue();
            } else {
                return null; // not the driver's count: let the server run it
            }
        }
        MongoCollection<?> collection = resolveDatabase(databaseName).resolveCollection(collectionName, false);
        int count = collection == null ? 0 : collection.count(filter, skip, limit);
        countsAnsweredDirectly.incrementAndGet();
        // What the server answers for an aggregation: a cursor whose first batch is the whole result. No group
        // document at all when nothing matched, as MongoDB answers.
        List<Document> batch = count == 0 ? List.of() : List.of(new Document("_id", 1).append("n", count));
        Document cursor = new Document("id", 0L).append("ns", databaseName + "." + collectionName)
                .append("firstBatch", batch);
        return new Document("cursor", cursor).append("ok", 1.0);
    }
}
