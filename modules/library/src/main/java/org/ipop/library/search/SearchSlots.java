package org.ipop.library.search;

import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Lets at most as many searches run at once as there are processors; the others wait their turn, first come first
 * served.
 *
 * <p>Why: a search is pure CPU work (the index is memory-mapped and, once warm, in the page cache). When more
 * searches run than there are cores, the operating system time-slices them, so every search in flight is stretched by
 * all the others: under 20 clients on 2 cores a query that needs 40 ms of CPU took about 400 ms, and the 99th
 * percentile followed the most expensive queries (measured, see docs/benchmarks.md). Waiting in line instead, a
 * search's latency is the work queued ahead of it plus its own, which no longer multiplies the expensive queries'
 * cost; the mean is the same (the cores do the same work), the tail is far shorter. The same reasoning sizes
 * Elasticsearch's search thread pool by the processor count.
 *
 * <p>One instance per process ({@link #SHARED}): the cores are shared by every tenant's index.
 */
final class SearchSlots {

    /**
     * One slot more than there are processors: with exactly one per processor, a core idled while the search let in
     * by a finished one was being woken, and 20 clients on 2 cores got 15% fewer searches done (301 against 352 per
     * second without slots; measured, see docs/benchmarks.md).
     */
    static final SearchSlots SHARED = new SearchSlots(Runtime.getRuntime().availableProcessors() + 1);

    private final Semaphore slots;

    SearchSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one search slot is needed: " + slots);
        }
        this.slots = new Semaphore(slots, true);
    }

    /** Work that searches. */
    @FunctionalInterface
    interface Search<T> {
        T run() throws IOException;
    }

    /** Runs {@code search} on the calling thread once a slot is free. */
    <T> T run(Search<T> search) throws IOException {
        slots.acquireUninterruptibly(); // a search waits for milliseconds; an interrupt is kept for the caller
        try {
            return search.run();
        } finally {
            slots.release();
        }
    }
}
