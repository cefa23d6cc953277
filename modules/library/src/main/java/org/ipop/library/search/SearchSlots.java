package org.ipop.library.search;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.IndexSearcher;

/**
 * Lets at most as many searches run at once as there are processors; the others wait in line, first come first
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
 * <p>How: a search that finds a slot free and nobody waiting runs on the caller's thread, so a search on an idle
 * server is not handed between threads. Otherwise it joins the line, which a few workers (one per slot) work
 * through: a worker that finishes a search takes the next one at once. Letting waiting callers in themselves, as an
 * earlier version did, left the core idle while the caller given the freed slot was being woken and scheduled,
 * about a tenth of the cores' time under load on this machine (measured, see docs/benchmarks.md).
 *
 * <p>A core left idle is lent: while fewer searches run than there are slots and nobody waits, a search counts its
 * facets with helpers ({@link #forCounting}), the segments split between its own thread and a helper. Counting is
 * most of a search's time (every hit, seven facets), and split over two cores it took about a third less time for
 * about a tenth more CPU (measured, see docs/benchmarks.md). Under load no core is idle and searches count alone, so
 * the extra CPU is not spent when it would slow other searches down. A search never waits for a busy helper: Lucene's
 * task executor has the calling thread run every slice that no helper has started.
 *
 * <p>One instance per process ({@link #SHARED}): the cores are shared by every tenant's index. Idle workers and
 * helpers end after {@link #IDLE_SECONDS}, so an undeployed application leaves no thread behind for long.
 */
final class SearchSlots {

    private static final int IDLE_SECONDS = 30;
    private static final AtomicInteger POOLS = new AtomicInteger();

    static final SearchSlots SHARED = new SearchSlots(Runtime.getRuntime().availableProcessors());

    private final Semaphore running;
    /** Searches handed to the workers that have not yet taken a slot; a newcomer runs itself only if there are none. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final ThreadPoolExecutor workers;
    /** Threads that count part of a search's segments while a core is idle; null with one slot. */
    private final ThreadPoolExecutor helpers;

    SearchSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one search slot is needed: " + slots);
        }
        running = new Semaphore(slots);
        int pool = POOLS.incrementAndGet();
        workers = pool(slots, "patent-search-" + pool + "-");
        helpers = slots > 1 ? pool(slots - 1, "patent-search-helper-" + pool + "-") : null;
    }

    private static ThreadPoolExecutor pool(int size, String namePrefix) {
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = task -> Thread.ofPlatform().daemon().name(namePrefix + threads.incrementAndGet())
                .unstarted(task);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * The searcher a running search (holding a slot) should count its facets with: {@code searcher} itself, or, when
     * a slot is free and nobody waits, one over the same reader whose segments are shared out with the helpers.
     */
    IndexSearcher forCounting(IndexSearcher searcher) {
        if (helpers == null || waiting.get() > 0 || running.availablePermits() == 0) {
            return searcher;
        }
        return new IndexSearcher(searcher.getIndexReader(), helpers);
    }

    /** Work that searches. */
    @FunctionalInterface
    interface Search<T> {
        T run() throws IOException;
    }

    /** Runs {@code search} once a slot is free, and returns its result or throws what it threw. */
    <T> T run(Search<T> search) throws IOException {
        if (waiting.get() == 0 && running.tryAcquire()) {
            try {
                return search.run();
            } finally {
                running.release();
            }
        }
        waiting.incrementAndGet();
        FutureTask<T> task = new FutureTask<>(() -> {
            running.acquireUninterruptibly();
            waiting.decrementAndGet();
            try {
                return search.run();
            } finally {
                running.release();
            }
        });
        workers.execute(task);
        return outcome(task);
    }

    /** Waits for {@code task}; a search takes milliseconds, so an interrupt is kept for the caller, not obeyed. */
    private static <T> T outcome(FutureTask<T> task) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
