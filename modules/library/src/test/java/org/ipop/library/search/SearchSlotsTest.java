package org.ipop.library.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class SearchSlotsTest {

    @Test
    void aSearchBeyondTheSlotsWaitsUntilOneIsFreeAndTheWaitingOnesRunInTheirOrder() throws Exception {
        SearchSlots slots = new SearchSlots(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch finishFirst = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        Thread first = Thread.ofPlatform().start(() -> run(slots, () -> {
            firstRunning.countDown();
            await(finishFirst);
            ran.add("first");
        }));
        assertTrue(firstRunning.await(5, TimeUnit.SECONDS));
        Thread second = Thread.ofPlatform().start(() -> run(slots, () -> ran.add("second")));
        awaitWaiting(second);
        Thread third = Thread.ofPlatform().start(() -> run(slots, () -> ran.add("third")));
        awaitWaiting(third);

        assertEquals(List.of(), ran, "nothing else runs while the only slot is taken");
        finishFirst.countDown();
        for (Thread thread : List.of(first, second, third)) {
            thread.join(5_000);
        }
        assertEquals(List.of("first", "second", "third"), ran, "first come, first served");
    }

    @Test
    void asManySearchesRunAtOnceAsThereAreSlots() throws Exception {
        SearchSlots slots = new SearchSlots(2);
        CountDownLatch bothRunning = new CountDownLatch(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            threads.add(Thread.ofPlatform().start(() -> run(slots, () -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                bothRunning.countDown();
                await(bothRunning); // the first two wait for each other: they must run at the same time
                sleep(50);
                running.decrementAndGet();
            })));
        }
        for (Thread thread : threads) {
            thread.join(5_000);
            assertFalse(thread.isAlive());
        }
        assertEquals(2, mostAtOnce.get());
    }

    @Test
    void aSearchsFailureFreesItsSlot() throws Exception {
        SearchSlots slots = new SearchSlots(1);
        assertThrows(IllegalStateException.class, () -> slots.run(() -> {
            throw new IllegalStateException("broken query");
        }));
        assertEquals("next", slots.run(() -> "next"));
    }

    @Test
    void aSearchThatFindsASlotFreeAndNobodyWaitingRunsOnTheCallersThread() throws Exception {
        SearchSlots slots = new SearchSlots(1);
        assertEquals(Thread.currentThread(), slots.run(Thread::currentThread));
    }

    @Test
    void aSearchThatWaitedRunsOnAWorkerAndItsResultOrFailureReachesTheCaller() throws Exception {
        SearchSlots slots = new SearchSlots(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch finishFirst = new CountDownLatch(1);
        Thread first = Thread.ofPlatform().start(() -> run(slots, () -> {
            firstRunning.countDown();
            await(finishFirst);
        }));
        assertTrue(firstRunning.await(5, TimeUnit.SECONDS));
        AtomicReference<IOException> failure = new AtomicReference<>();
        IOException unreadable = new IOException("index file unreadable");
        Thread failing = Thread.ofPlatform().start(() -> {
            try {
                slots.run(() -> {
                    throw unreadable;
                });
            } catch (IOException e) {
                failure.set(e);
            }
        });
        awaitWaiting(failing);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Thread succeeding = Thread.ofPlatform().start(() -> {
            try {
                ranOn.set(slots.run(Thread::currentThread));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        awaitWaiting(succeeding);

        finishFirst.countDown();
        for (Thread thread : List.of(first, failing, succeeding)) {
            thread.join(5_000);
        }
        assertEquals(unreadable, failure.get(), "the search's own exception, not a wrapper");
        assertNotEquals(succeeding, ranOn.get(), "a search that had to wait runs on a worker");
        assertTrue(ranOn.get().getName().startsWith("patent-search-"), ranOn.get().getName());
    }

    @Test
    void aSearchCountsWithHelpersOnlyWhileACoreIsIdle() throws Exception {
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                SearchSlots slots = new SearchSlots(2);
                IndexSearcher idle = slots.run(() -> slots.forCounting(searcher));
                assertNotSame(searcher, idle, "one search running, a core free: helpers count too");
                assertSame(reader, idle.getIndexReader());

                CountDownLatch bothRunning = new CountDownLatch(2);
                CountDownLatch finish = new CountDownLatch(1);
                List<IndexSearcher> chosen = new CopyOnWriteArrayList<>();
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    threads.add(Thread.ofPlatform().start(() -> run(slots, () -> {
                        bothRunning.countDown();
                        await(bothRunning);
                        chosen.add(slots.forCounting(searcher));
                        await(finish);
                    })));
                }
                assertTrue(bothRunning.await(5, TimeUnit.SECONDS));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (chosen.size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                finish.countDown();
                for (Thread thread : threads) {
                    thread.join(5_000);
                }
                assertEquals(List.of(searcher, searcher), chosen, "every core busy: each search counts alone");
                assertSame(searcher, new SearchSlots(1).run(() -> new SearchSlots(1).forCounting(searcher)),
                        "one slot: no helpers at all");
            }
        }
    }

    @Test
    void refusesZeroSlots() {
        assertThrows(IllegalArgumentException.class, () -> new SearchSlots(0));
    }

    private static void run(SearchSlots slots, Runnable search) {
        try {
            slots.run(() -> {
                search.run();
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code thread} is parked waiting for a slot. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(Thread.State.WAITING, thread.getState());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
