package org.ipop.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Scans over whole documents that stay within memory on every server. The embedded server materialises every
 * document a query matches (after projection) before it returns the first batch, whatever the cursor's batch size:
 * one scan over 20,000 patent documents exhausted a 2 GiB heap. A scan therefore reads the matching ids first — a
 * small list — and then the documents by id, {@value #CHUNK} at a time, which the {@code _id} index serves.
 */
public final class Scans {

    /** Documents fetched per lookup by ids. */
    public static final int CHUNK = 500;

    private Scans() {
    }

    /** Every document of {@code collection} matching {@code filter}, projected, in id order of the first step. */
    public static void forEach(MongoCollection<Document> collection, Bson filter, Bson projection,
            Consumer<Document> action) {
        List<Object> ids = new ArrayList<>();
        collection.find(filter).projection(Projections.include("_id")).batchSize(10_000)
                .forEach(doc -> ids.add(doc.get("_id")));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            collection.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + CHUNK))))
                    .projection(projection).batchSize(CHUNK).forEach(action);
        }
    }
}
