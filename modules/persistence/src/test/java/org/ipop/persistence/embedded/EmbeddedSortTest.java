package org.ipop.persistence.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sorted find with a limit gives the page the stock in-memory sort gives (ties in the collection's order) while
 * holding only the documents that can still be on the page, not the whole collection.
 */
class EmbeddedSortTest {

    private static final String DATABASE = "ipop_t_sort";
    private static final int DOCUMENTS = 3_000;
    private static final long DAY = 86_400_000L;

    @TempDir
    Path dataDirectory;

    @Test
    void a_sorted_page_is_the_stock_sorts_page_and_holds_only_the_page() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> catalogue = client.getDatabase(DATABASE).getCollection("catalogue");
            List<Document> all = new ArrayList<>();
            for (int n = 0; n < DOCUMENTS; n++) {
                all.add(new Document("_id", n).append("publishedAt", new Date(1_700_000_000_000L + (n % 97) * DAY))
                        .append("name", "企业" + (n % 211)).append("kind", n % 3));
            }
            List<Document> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, new Random(7)); // the collection's order (by _id) is not insertion order
            catalogue.insertMany(shuffled);
            Comparator<Document> newest = Comparator.comparing((Document d) -> d.getDate("publishedAt")).reversed();
            Comparator<Document> byName = Comparator.comparing((Document d) -> d.getString("name"));

            assertEquals(expected(all, newest, 0, 20),
                    ids(catalogue.find().sort(Sorts.descending("publishedAt")).limit(20)));
            assertEquals(expected(all, newest, 40, 20),
                    ids(catalogue.find().sort(Sorts.descending("publishedAt")).skip(40).limit(20)));
            List<Document> kindOne = all.stream().filter(d -> d.getInteger("kind") == 1).toList();
            assertEquals(expected(kindOne, byName, 7, 13),
                    ids(catalogue.find(Filters.eq("kind", 1)).sort(Sorts.ascending("name")).skip(7).limit(13)));
            assertEquals(expected(all, newest.thenComparing(byName), 0, 25), ids(catalogue.find()
                    .sort(Sorts.orderBy(Sorts.descending("publishedAt"), Sorts.ascending("name"))).limit(25)));
            List<Integer> someIds = IntStream.range(0, 100).map(n -> n * 29).boxed().toList();
            List<Document> some = all.stream().filter(d -> someIds.contains(d.getInteger("_id"))).toList();
            assertEquals(expected(some, byName, 0, 5),
                    ids(catalogue.find(Filters.in("_id", someIds)).sort(Sorts.ascending("name")).limit(5)));

            // The largest page asked for so far is skip 40 + limit 20, not the 3,000 documents of the collection.
            assertEquals(60, server.largestSortedSelection(DATABASE, "catalogue"));

            // A projection applies to the page.
            Document first = catalogue.find().sort(Sorts.descending("publishedAt"))
                    .projection(Projections.include("name")).limit(1).first();
            assertEquals(new Document("_id", expected(all, newest, 0, 1).getFirst())
                    .append("name", all.get(expected(all, newest, 0, 1).getFirst()).getString("name")), first);
            // A page past the end holds what is left; beyond the bound, and without a limit, the stock sort runs.
            assertEquals(expected(all, newest, 2_990, 20),
                    ids(catalogue.find().sort(Sorts.descending("publishedAt")).skip(2_990).limit(20)));
            assertEquals(expected(all, byName, 0, 20_000),
                    ids(catalogue.find().sort(Sorts.ascending("name")).limit(20_000)));
            assertEquals(expected(all, byName, 100, DOCUMENTS),
                    ids(catalogue.find().sort(Sorts.ascending("name")).skip(100)));
        }
    }

    /** The ids of the page a stable sort of {@code documents} (in _id order) gives. */
    private static List<Integer> expected(List<Document> documents, Comparator<Document> order, int skip,
            int limit) {
        return documents.stream().sorted(Comparator.comparing((Document d) -> d.getInteger("_id")))
                .sorted(order).skip(skip).limit(limit).map(d -> d.getInteger("_id")).toList();
    }

    private static List<Integer> ids(FindIterable<Document> found) {
        List<Integer> ids = new ArrayList<>();
        found.forEach(document -> ids.add(document.getInteger("_id")));
        return ids;
    }
}
