package org.ipop.library.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.index.IndexReader;

/**
 * Recently computed values of searches, each valid only for the index reader it was computed on: least recently
 * used first out, thread-safe.
 *
 * <p>Entries are keyed by the reader, so a refresh that changed the index starts afresh and no answer is ever
 * stale; old entries simply age out. Used for the facet counts of broad queries and for whole results (see
 * {@link PatentIndex}): the same few broad queries, the browse page and the words users type most come again and
 * again, and counting facets over hundreds of thousands of hits costs milliseconds each time.
 *
 * @param <K> what identifies the value on one reader (a record of the query's parts)
 * @param <V> the value (immutable: it is handed to every caller)
 */
final class ReaderCache<K, V> {

    private record Key<K>(IndexReader.CacheKey reader, K key) {
    }

    private final Map<Key<K>, V> entries;
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong found = new AtomicLong();

    /** A cache of {@code capacity} entries; 0 disables it. */
    ReaderCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key<K>, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value kept for {@code key} on {@code reader}, or null. */
    V get(IndexReader reader, K key) {
        lookups.incrementAndGet();
        V value;
        synchronized (entries) {
            value = entries.get(new Key<>(reader.getReaderCacheHelper().getKey(), key));
        }
        if (value != null) {
            found.incrementAndGet();
        }
        return value;
    }

    void put(IndexReader reader, K key, V value) {
        synchronized (entries) {
            entries.put(new Key<>(reader.getReaderCacheHelper().getKey(), key), value);
        }
    }

    /** The share of lookups answered so far, for measurements. */
    double hitRatio() {
        long total = lookups.get();
        return total == 0 ? 0 : (double) found.get() / total;
    }
}
