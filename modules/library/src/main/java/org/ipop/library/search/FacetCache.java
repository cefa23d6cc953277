package org.ipop.library.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;

/**
 * Recent facet counts of queries with many hits, for the reader they were counted on.
 *
 * <p>Counting seven facets costs about 13 ns per hit when most patents match, more when hits are scattered
 * (measured), so a query matching most of a million patents, above all the unfiltered browse page, costs over
 * 10 ms of CPU each time, while the same few broad queries come again and again. Entries are keyed by the reader,
 * so a refresh that changed the index starts afresh; old entries simply age out of the LRU. Queries with fewer than
 * {@link #MIN_HITS} hits are counted each time: cheap, and rarely repeated.
 */
final class FacetCache {

    static final int MIN_HITS = 10_000;

    private record Key(IndexReader.CacheKey reader, Query query, Set<PatentQuery.Facet> facets) {
    }

    private final Map<Key, FacetCounter.Counts> entries;
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong found = new AtomicLong();

    /** A cache of {@code capacity} entries; 0 disables it. */
    FacetCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, FacetCounter.Counts> eldest) {
                return size() > capacity;
            }
        };
    }

    FacetCounter.Counts get(IndexReader reader, Query query, Set<PatentQuery.Facet> facets) {
        lookups.incrementAndGet();
        FacetCounter.Counts counts;
        synchronized (entries) {
            counts = entries.get(key(reader, query, facets));
        }
        if (counts != null) {
            found.incrementAndGet();
        }
        return counts;
    }

    void put(IndexReader reader, Query query, Set<PatentQuery.Facet> facets, FacetCounter.Counts counts) {
        if (counts.hits() >= MIN_HITS) {
            synchronized (entries) {
                entries.put(key(reader, query, facets), counts);
            }
        }
    }

    /** The share of lookups answered from the cache so far, for measurements. */
    double hitRatio() {
        long total = lookups.get();
        return total == 0 ? 0 : (double) found.get() / total;
    }

    private static Key key(IndexReader reader, Query query, Set<PatentQuery.Facet> facets) {
        return new Key(reader.getReaderCacheHelper().getKey(), query, facets);
    }
}
