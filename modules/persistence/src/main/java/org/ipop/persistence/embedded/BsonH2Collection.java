package org.ipop.persistence.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * The stock H2 collection with two changes.
 *
 * <p>No running total of the documents' BSON size. The stock collection encodes every inserted document, and both
 * versions of every updated one, a second time only to add their sizes to that total, which nothing but
 * {@code collStats} reports; profiling an inventory import showed it taking a third of the store's own CPU. The
 * platform never asks for {@code collStats}, so the total is left as it was (zero for a new collection).
 *
 * <p>A sorted find with a limit keeps only the documents that can still be on its page. The stock collection sorts
 * every matching document in memory and then skips and limits, so the catalogue's newest twenty, the audit log's
 * latest entries or the tenth page of enterprises by name held the whole collection in the heap for the time of
 * the request (the same failure mode as counts had, see {@link DurableH2Backend}). Here the best
 * {@code skip + limit} are kept in a bounded heap while the matches stream by: the same documents in the same order
 * (ties keep the collection's order, as the stock stable sort does), with memory bounded by the page instead of the
 * collection. Every document is still read: the embedded store has no sorted indexes.
 */
final class BsonH2Collection extends H2Collection {

    /** Above this many documents to keep, the bounded heap saves little over sorting everything: the stock path. */
    private static final int MAX_BOUNDED_SELECTION = 10_000;

    /** The most documents a sorted, limited find has held at once (for tests). */
    private final AtomicInteger largestSortedSelection = new AtomicInteger();

    BsonH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, documents, meta, cursorRegistry);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int numberToSkip,
            int limit, int batchSize, Comparator<Document> order, Document fieldSelector) {
        long kept = (long) Math.max(0, numberToSkip) + limit;
        if (order == null || limit <= 0 || kept > MAX_BOUNDED_SELECTION) {
            return super.matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, order,
                    fieldSelector);
        }
        List<Document> page = bestInOrder(documents.filter(document -> documentMatchesQuery(document, query)),
                order, (int) kept);
        List<Document> pageAfterSkip = page.subList(Math.min(page.size(), Math.max(0, numberToSkip)), page.size());
        // The page is already matched, sorted, skipped and limited; the stock path only projects it now.
        return super.matchDocumentsFromStream(query, pageAfterSkip.stream(), 0, 0, batchSize, null, fieldSelector);
    }

    /** The first {@code count} of {@code matches} in {@code order}, ties in stream order, holding at most that many. */
    private List<Document> bestInOrder(Stream<Document> matches, Comparator<Document> order, int count) {
        Comparator<Ranked> ranking = Comparator.<Ranked, Document>comparing(Ranked::document, order)
                .thenComparingLong(Ranked::sequence);
        PriorityQueue<Ranked> worstFirst = new PriorityQueue<>(count + 1, ranking.reversed());
        long[] sequence = {0};
        matches.forEach(document -> {
            Ranked candidate = new Ranked(document, sequence[0]++);
            if (worstFirst.size() < count) {
                worstFirst.add(candidate);
            } else if (ranking.compare(candidate, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(candidate);
            }
        });
        largestSortedSelection.accumulateAndGet(worstFirst.size(), Math::max);
        List<Ranked> best = new ArrayList<>(worstFirst);
        best.sort(ranking);
        return best.stream().map(Ranked::document).toList();
    }

    int largestSortedSelection() {
        return largestSortedSelection.get();
    }

    private record Ranked(Document document, long sequence) {
    }
}
