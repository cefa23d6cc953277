package org.ipop.library.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The Chinese full-text search index of one tenant's patent library, a derived copy of the application's store.
 *
 * <p>Threads: searches from any number of threads, of which as many run at once as the process has {@link SearchSlots}
 * (shared by every index; the others wait their turn), and writes from any thread (Lucene's {@link IndexWriter} is
 * thread-safe; one writer per directory, so open a directory once per process).
 *
 * <p>Visibility: a background daemon thread makes writes searchable (searches never pay for a refresh). It looks
 * every {@value #REFRESH_INTERVAL_MILLIS} ms, so a few upserts are found within about a quarter of a second. While
 * more than {@value #BULK_WRITES} writes wait to be made searchable (a rebuild or an import), it refreshes once every
 * {@value #BULK_REFRESH_INTERVAL_MILLIS} ms instead: each refresh writes the buffered patents as a small segment
 * that must be merged later, and refreshing four times less often saved 6–15% of the CPU per patent (two paired
 * measurements of 200,000 patents). {@link #refresh()} makes everything written so far searchable at once. Writes
 * become durable with {@link #commit()} (and on {@link #close()}).
 *
 * <p>Rebuild markers: {@link #commit(Map)} stores the application's markers (for example "built-at" and
 * "source-count") with the commit, and {@link #commitData()} reads them back, so that the application can decide at
 * start-up whether to rebuild from its store. Keys starting with {@code ipop.search.} are reserved: the index
 * records its schema version there, and an index written with another schema version is emptied when opened (its
 * markers go with it, which tells the application to rebuild).
 *
 * <p>I/O errors surface as {@link UncheckedIOException}.
 */
public final class PatentIndex implements AutoCloseable {

    /** Total hits are counted exactly up to this number (more when facets are counted, see {@link SearchResult}). */
    public static final int EXACT_TOTAL_HITS = 10_000;
    /** The most values returned per facet, most frequent first. */
    public static final int MAX_FACET_VALUES = 100;
    /** How often the background thread looks for writes to make searchable. */
    public static final long REFRESH_INTERVAL_MILLIS = 250;
    /** How often it makes them searchable during a bulk load. */
    public static final long BULK_REFRESH_INTERVAL_MILLIS = 1_000;
    /**
     * More writes than this waiting to be made searchable is a bulk load. An import writes a batch of 500 at once
     * and about 400 patents per refresh interval; with a threshold above that it was refreshed four times a
     * second, and those small segments and their merges took about 15% of an import's CPU (profiled).
     */
    static final int BULK_WRITES = 100;

    static final String SCHEMA_KEY = "ipop.search.schema";
    /** The marker of {@link #commitUpTo}: when the source's changes were last all in the index. */
    private static final String INDEXED_UP_TO = "indexedUpTo";
    /** Clock skew and writes in flight: {@link #catchUpFrom} reaches this far before the mark. */
    private static final Duration CATCH_UP_SLACK = Duration.ofMinutes(1);

    /** Indexing buffer: large enough that a bulk rebuild writes few small segments, small beside a 2 GB heap. */
    private static final double RAM_BUFFER_MB = 64;
    /**
     * Facet counts of this many recent broad queries are kept (see {@link ReaderCache}), for other pages and orders
     * of the same hits.
     */
    private static final int FACET_CACHE_ENTRIES = 256;
    /**
     * Facet counts of queries with fewer hits are not kept: cheap to count again (well under a millisecond), and
     * such queries are rarely repeated with another page or order.
     */
    static final int FACET_CACHE_MIN_HITS = 10_000;
    /**
     * Whole results (page and facets) of this many recent searches are kept, about 2 to 15 KB each (20 hits, and up
     * to {@value #MAX_FACET_VALUES} values per facet). The words users type most come again and again: in the search
     * benchmark's mix of real title words, half of the one-word queries repeat an earlier one.
     */
    private static final int RESULT_CACHE_ENTRIES = 1_024;

    private static final System.Logger LOG = System.getLogger(PatentIndex.class.getName());

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final QueryTranslator translator;
    private final FacetOrdinals facetOrdinals = new FacetOrdinals();
    private final ReaderCache<FacetKey, FacetCounter.Counts> facetCache;
    private final ReaderCache<ResultKey, SearchResult> recentResults;
    private final SearchSlots slots;
    private final ScheduledExecutorService refresher;
    private final Object commitLock = new Object();
    /** Writes since the background thread last refreshed; counted after each write. */
    private final AtomicLong unrefreshedWrites = new AtomicLong();
    private long lastRefreshNanos = System.nanoTime(); // used by the refresh thread only

    private PatentIndex(Directory directory, boolean caching, SearchSlots slots) throws IOException {
        this.directory = directory;
        this.facetCache = new ReaderCache<>(caching ? FACET_CACHE_ENTRIES : 0);
        this.recentResults = new ReaderCache<>(caching ? RESULT_CACHE_ENTRIES : 0);
        this.slots = slots;
        Analyzer analyzer = PatentFields.analyzer();
        boolean current = DirectoryReader.indexExists(directory)
                && PatentFields.SCHEMA_VERSION.equals(readCommitData(directory).get(SCHEMA_KEY));
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(current ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setMergedSegmentWarmer(facetOrdinals::load);
        this.writer = new IndexWriter(directory, config);
        try {
            if (!current) {
                writer.setLiveCommitData(Map.of(SCHEMA_KEY, PatentFields.SCHEMA_VERSION).entrySet());
                writer.commit();
            }
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(writer);
            throw e;
        }
        this.translator = new QueryTranslator(analyzer);
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "patent-index-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, REFRESH_INTERVAL_MILLIS, REFRESH_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the index in {@code directory} (memory-mapped), creating the directory and an empty index if missing.
     * Fails if another {@code PatentIndex} has the directory open (Lucene's write lock).
     */
    public static PatentIndex open(Path directory) {
        return open(directory, true, SearchSlots.SHARED);
    }

    /**
     * {@link #open(Path)} with or without the caches of facet counts and results, and with other search slots, for
     * measurements.
     */
    static PatentIndex open(Path directory, boolean caching, SearchSlots slots) {
        try {
            Files.createDirectories(directory);
            return openOn(new MMapDirectory(directory), caching, slots);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the patent index in " + directory, e);
        }
    }

    /** An index held in memory, for tests. */
    public static PatentIndex inMemory() {
        try {
            return openOn(new ByteBuffersDirectory(), true, SearchSlots.SHARED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PatentIndex openOn(Directory directory, boolean caching, SearchSlots slots) throws IOException {
        try {
            return new PatentIndex(directory, caching, slots);
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw e;
        }
    }

    /** Adds the patent, or replaces the patent with the same id. */
    public void upsert(PatentSearchDocument patent) {
        try {
            writer.updateDocument(idTerm(patent.id()), PatentFields.toDocument(patent));
            unrefreshedWrites.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #upsert} for each patent; the caller may run several of these in parallel to use more cores. */
    public void upsertAll(Iterable<PatentSearchDocument> patents) {
        patents.forEach(this::upsert);
    }

    /** Removes the patent with this id, if there is one. */
    public void delete(String id) {
        try {
            writer.deleteDocuments(idTerm(id));
            unrefreshedWrites.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every patent (for a rebuild); durable with the next commit, so a crash before it keeps the old index. */
    public void deleteAll() {
        try {
            writer.deleteAll();
            unrefreshedWrites.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every write so far durable, keeping the markers of the previous commit. */
    public void commit() {
        synchronized (commitLock) {
            try {
                writer.commit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Makes every write so far durable and replaces the stored markers with {@code userData}. */
    public void commit(Map<String, String> userData) {
        Map<String, String> data = new HashMap<>(userData);
        if (data.keySet().stream().anyMatch(key -> key.startsWith("ipop.search."))) {
            throw new IllegalArgumentException("keys starting with ipop.search. are reserved: " + data.keySet());
        }
        data.put(SCHEMA_KEY, PatentFields.SCHEMA_VERSION);
        synchronized (commitLock) {
            writer.setLiveCommitData(data.entrySet());
            try {
                writer.commit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Makes every write so far durable, marked as holding every change its source made before {@code mark} (taken
     * before reading the source).
     */
    public void commitUpTo(Instant mark) {
        commit(Map.of(INDEXED_UP_TO, mark.toString()));
    }

    /**
     * From when the source's changes must be read again to be sure the index has them — a little before the mark of
     * the last {@link #commitUpTo} — or empty if no commit was so marked (the index is to be built from scratch).
     */
    public Optional<Instant> catchUpFrom() {
        return Optional.ofNullable(commitData().get(INDEXED_UP_TO)).map(mark -> Instant.parse(mark)
                .minus(CATCH_UP_SLACK));
    }

    /** The markers stored with the last commit, including the reserved {@code ipop.search.} keys. */
    public Map<String, String> commitData() {
        try {
            return readCommitData(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every write so far searchable now, rather than at the next background refresh. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of searchable patents. */
    public long count() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    /**
     * One page of the patents matching {@code query}, with its facet counts (see {@link PatentQuery}).
     *
     * <p>A result computed on the current reader is answered again from {@link #recentResults}; otherwise the search
     * waits for one of the process's {@link SearchSlots} (a cached answer never waits behind searches).
     */
    public SearchResult search(PatentQuery query) {
        long start = System.nanoTime();
        QueryTranslator.Translated translated = translator.translate(query);
        ResultKey key = new ResultKey(translated.query(), translated.sort(), query.page(), query.size(),
                query.facets());
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            SearchResult result = recentResults.get(reader, key);
            if (result == null) {
                result = slots.run(() -> search(searcher, query, translated));
                recentResults.put(reader, key, result);
            }
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return new SearchResult(result.totalHits(), result.totalHitsExact(), result.hits(), result.facets(),
                    tookMillis);
        });
    }

    /** What makes two searches' results equal on one reader. */
    private record ResultKey(Query query, Sort sort, int page, int size, Set<PatentQuery.Facet> facets) {
    }

    private SearchResult search(IndexSearcher searcher, PatentQuery query, QueryTranslator.Translated translated)
            throws IOException {
        Sort sort = translated.sort();
        int window = (query.page() + 1) * query.size();
        boolean counting = !query.facets().isEmpty();
        // Facets need every hit, the page only the best ones. Two passes are cheaper than one that scores every hit:
        // the page is found with Lucene's skipping of hits that cannot compete, and facets are counted without
        // scores.
        int totalHitsThreshold = counting ? window : EXACT_TOTAL_HITS;
        CollectorManager<?, ? extends TopDocs> topHits = sort == null
                ? new TopScoreDocCollectorManager(window, totalHitsThreshold)
                : new TopFieldCollectorManager(sort, window, totalHitsThreshold);
        TopDocs topDocs = searcher.search(translated.query(), topHits);
        List<SearchResult.Hit> hits = hits(searcher, topDocs, query.page() * query.size(), sort == null);
        long totalHits = topDocs.totalHits.value();
        boolean exact = topDocs.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
        Map<PatentQuery.Facet, List<SearchResult.FacetCount>> facets = Map.of();
        if (counting) {
            FacetCounter.Counts counts = facetCounts(searcher, translated.matching(), query.facets());
            totalHits = counts.hits();
            exact = true;
            facets = counts.facets();
        }
        return new SearchResult(totalHits, exact, hits, facets, 0);
    }

    /** What makes two facet countings equal on one reader: another page or order of the same hits counts the same. */
    private record FacetKey(Query query, Set<PatentQuery.Facet> facets) {
    }

    private FacetCounter.Counts facetCounts(IndexSearcher searcher, Query query, Set<PatentQuery.Facet> facets)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        FacetKey key = new FacetKey(query, facets);
        FacetCounter.Counts counts = facetCache.get(reader, key);
        if (counts == null) {
            counts = slots.forCounting(searcher).search(query, new FacetCounter(facetOrdinals, facets,
                    MAX_FACET_VALUES));
            if (counts.hits() >= FACET_CACHE_MIN_HITS) {
                facetCache.put(reader, key, counts);
            }
        }
        return counts;
    }

    private static List<SearchResult.Hit> hits(IndexSearcher searcher, TopDocs topDocs, int from, boolean scored)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = from; i < topDocs.scoreDocs.length; i++) {
            ScoreDoc scoreDoc = topDocs.scoreDocs[i];
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(scoreDoc.doc, leaves));
            int doc = scoreDoc.doc - leaf.docBase;
            hits.add(new SearchResult.Hit(value(leaf, PatentFields.ID_VALUE, doc),
                    scored ? scoreDoc.score : Float.NaN, value(leaf, PatentFields.TITLE_VALUE, doc)));
        }
        return hits;
    }

    /** A binary doc value; a fresh iterator each time, since hits come in score order, not in document order. */
    private static String value(LeafReaderContext leaf, String field, int doc) throws IOException {
        BinaryDocValues values = leaf.reader().getBinaryDocValues(field);
        return values != null && values.advanceExact(doc) ? values.binaryValue().utf8ToString() : "";
    }

    /** The Lucene query and sort a {@link PatentQuery} runs, for measuring Lucene alone (see the benchmark). */
    QueryTranslator.Translated translate(PatentQuery query) {
        return translator.translate(query);
    }

    /** The share of facet countings answered from the cache so far, for measurements. */
    double facetCacheHitRatio() {
        return facetCache.hitRatio();
    }

    /** The share of searches answered from the recent results so far, for measurements. */
    double resultCacheHitRatio() {
        return recentResults.hitRatio();
    }

    /** Runs {@code work} on the current searcher, released afterwards; for this class and the benchmark. */
    <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Stops the refresh thread, commits pending writes (keeping the markers) and releases the directory. */
    @Override
    public void close() {
        refresher.shutdownNow();
        try {
            refresher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            searchers.close();
            synchronized (commitLock) {
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One look of the background thread. A write counted after {@code writes} was read is left for the next look,
     * which is why the counter is decremented rather than reset.
     */
    private void refreshQuietly() {
        long writes = unrefreshedWrites.get();
        long sinceLastRefreshMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRefreshNanos);
        boolean due = writes > 0 && (writes <= BULK_WRITES || sinceLastRefreshMillis >= BULK_REFRESH_INTERVAL_MILLIS);
        if (!due) {
            return;
        }
        unrefreshedWrites.addAndGet(-writes);
        try {
            searchers.maybeRefresh();
            lastRefreshNanos = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            unrefreshedWrites.addAndGet(writes);
            // Keep the thread alive: a failed refresh only delays visibility; the writer reports real failures.
            LOG.log(System.Logger.Level.WARNING, "refreshing the patent index searcher failed", e);
        }
    }

    private static Map<String, String> readCommitData(Directory directory) throws IOException {
        return Map.copyOf(SegmentInfos.readLatestCommit(directory).getUserData());
    }

    private static Term idTerm(String id) {
        return new Term(PatentFields.ID, id);
    }
}
