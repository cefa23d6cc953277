package org.ipop.library.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ipop.audit.AuditTrail;
import org.ipop.kernel.TenantId;
import org.ipop.library.ImportJobView;
import org.ipop.library.domain.AnalyzedPatent;
import org.ipop.library.importing.InventoryReader;
import org.ipop.library.importing.InventoryRefused;
import org.ipop.library.importing.InventoryRow;
import org.ipop.library.importing.RowError;
import org.ipop.library.persistence.MongoImportJobs.BatchCounts;
import org.ipop.library.persistence.MongoImportJobs;
import org.ipop.library.persistence.MongoPatents.UpsertResult;
import org.ipop.library.persistence.MongoPatents;
import org.ipop.library.search.PatentSearchDocument;
import org.ipop.tenancy.ManagedExecutors;
import org.ipop.tenancy.Tenants;

/**
 * Imports an institution's inventory as a background job: the file is stored first (so nothing is lost if the
 * process dies), then read row by row, validated, analysed and upserted in batches. After each batch the job
 * records its counts and the row to resume from; a job that a crash interrupted is resumed at start-up from there.
 * Re-processing a partly written batch is harmless because upserts are idempotent.
 */
@ApplicationScoped
public class InventoryImports {

    private static final Logger LOG = Logger.getLogger(InventoryImports.class.getName());
    static final int BATCH_SIZE = 500;
    /** A running job renews its lease after every batch (a second or two); a dead node's lease lapses after this. */
    private static final long LEASE_MILLIS = 30_000;
    private static final long SWEEP_SECONDS = 10;

    private final MongoImportJobs jobs;
    private final MongoPatents patents;
    private final PatentAnalyzer analyzer;
    private final LibrarySearch search;
    private final NetworkCatalogue catalogue;
    private final AuditTrail audit;
    private final Tenants tenants;
    private final String node = UUID.randomUUID().toString();
    /** The jobs this node is running. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> sweep;

    /** Where an import's time went, logged at its end so that slow imports can be explained. */
    private static final class Timings {
        long reading;
        long analysing;
        long waitingForWrites;
        long writing;
        long waitingForIndex;
        long recording;
        long indexing;

        @Override
        public String toString() {
            return String.format("reading and validating %d ms, analysing %d ms (waited for writes %d ms); "
                    + "alongside: writing %d ms (summed over concurrent writes), recording progress %d ms (waited "
                    + "for indexing %d ms); alongside: indexing %d ms", reading / 1_000_000, analysing / 1_000_000,
                    waitingForWrites / 1_000_000, writing / 1_000_000, recording / 1_000_000,
                    waitingForIndex / 1_000_000, indexing / 1_000_000);
        }
    }

    @Inject
    public InventoryImports(MongoImportJobs jobs, MongoPatents patents, PatentAnalyzer analyzer, LibrarySearch search,
            NetworkCatalogue catalogue, AuditTrail audit, Tenants tenants) {
        this.jobs = jobs;
        this.patents = patents;
        this.analyzer = analyzer;
        this.search = search;
        this.catalogue = catalogue;
        this.audit = audit;
        this.tenants = tenants;
    }

    /** For CDI's client proxy only. */
    protected InventoryImports() {
        this(null, null, null, null, null, null, null);
    }

    /** Stores the file, queues the job and starts it in the background; returns the job at once. */
    public ImportJobView start(TenantId tenant, String institution, String fileName, InputStream content,
            String actor) {
        String jobId = UUID.randomUUID().toString();
        jobs.create(tenant, jobId, institution, fileName, content, actor);
        audit.record(tenant, actor, "library.import.started", jobId, institution + ": " + fileName);
        running.add(jobId);
        ManagedExecutors.executor().execute(() -> runOnce(tenant, jobId));
        return jobs.find(tenant, jobId).orElseThrow();
    }

    /**
     * Resumes the jobs that a crash or a restart interrupted, for every tenant: at start-up, and then every
     * {@value #SWEEP_SECONDS} s, because a job whose node died keeps its lease until the lease expires (a server
     * restarted within {@value #LEASE_MILLIS} ms of a crash finds its own old lease still valid).
     */
    void resumeAtStartup(@Observes Startup startup) {
        ManagedScheduledExecutorService scheduler = ManagedExecutors.scheduler();
        sweep = scheduler.scheduleWithFixedDelay(this::resumeInterrupted, 0, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    private void resumeInterrupted() {
        try {
            ManagedExecutorService executor = ManagedExecutors.executor();
            for (var tenant : tenants.all()) {
                for (String jobId : jobs.unfinished(tenant.id())) {
                    if (running.add(jobId)) {
                        LOG.info(() -> "Resuming import " + jobId + " of tenant " + tenant.id());
                        executor.execute(() -> runOnce(tenant.id(), jobId));
                    }
                }
            }
        } catch (RuntimeException e) {
            // Keep sweeping: the next sweep retries (MongoDB briefly unavailable, a tenant being registered).
            LOG.log(Level.WARNING, "Looking for interrupted imports failed: " + e.getMessage());
        }
    }

    @PreDestroy
    void stopSweeping() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    /** Runs a job unless this node already runs it (a batch slower than the lease must not start it twice). */
    private void runOnce(TenantId tenant, String jobId) {
        running.add(jobId);
        try {
            run(tenant, jobId);
        } finally {
            running.remove(jobId);
        }
    }

    /** Runs (or resumes) one job to its end. Carries its tenant explicitly: there is no request here. */
    void run(TenantId tenant, String jobId) {
        var leased = jobs.lease(tenant, jobId, node, LEASE_MILLIS);
        if (leased.isEmpty()) {
            return; // finished, or another node runs it
        }
        ImportRun run = new ImportRun(tenant, jobId, leased.get().institution(), leased.get().uploadedBy(),
                ManagedExecutors.executor());
        String fileName = leased.get().fileName();
        long resumeAfter = leased.get().lastRowDone();
        java.time.Instant indexedFrom = java.time.Instant.now();
        try (InputStream in = jobs.openUpload(tenant, jobId); InventoryReader reader = InventoryReader.open(in,
                fileName)) {
            Map<String, Integer> firstRowOf = new HashMap<>();
            long mark = System.nanoTime();
            for (InventoryRow row : reader) {
                run.timings.reading += System.nanoTime() - mark;
                if (row.rowNumber() <= resumeAfter) {
                    mark = System.nanoTime();
                    continue;
                }
                run.lastRow = row.rowNumber();
                run.rowsThisRun++;
                switch (row) {
                    case InventoryRow.Valid valid -> {
                        String number = valid.record().applicationNumber();
                        Integer first = firstRowOf.putIfAbsent(number, valid.rowNumber());
                        if (first != null) {
                            run.refuse(List.of(new RowError(valid.rowNumber(), "申请号 application number", number,
                                    "与第 " + first + " 行重复 / duplicate of row " + first)));
                        } else {
                            long analysing = System.nanoTime();
                            run.batch.add(analyzer.analyze(tenant, valid.record()));
                            run.timings.analysing += System.nanoTime() - analysing;
                        }
                    }
                    case InventoryRow.Invalid invalid -> run.refuse(invalid.errors());
                }
                if (run.batch.size() + run.errorRows >= BATCH_SIZE) {
                    run.flush();
                }
                mark = System.nanoTime();
            }
            run.finish();
            search.commit(tenant, indexedFrom);
            LOG.info("Import " + jobId + " of tenant " + tenant + ": " + run.timings);
            jobs.finish(tenant, jobId, ImportJobView.COMPLETED, null, List.of());
            ImportJobView done = jobs.find(tenant, jobId).orElseThrow();
            audit.record(tenant, run.actor, "library.import.completed", jobId, String.format(
                    "%s: %d rows, %d new, %d changed, %d unchanged, %d refused", fileName, done.rowsDone(),
                    done.created(), done.updated(), done.unchanged(), done.errorRows()));
        } catch (InventoryRefused refused) {
            run.settle();
            jobs.finish(tenant, jobId, ImportJobView.REFUSED, refused.getMessage(), refused.errors());
            audit.record(tenant, run.actor, "library.import.refused", jobId, fileName + ": " + refused.getMessage());
        } catch (Exception | Error e) {
            // Errors too (a linkage problem, an exhausted heap): a job must never stay "running" without a thread.
            LOG.log(Level.SEVERE, "Import " + jobId + " of tenant " + tenant + " failed", e);
            run.settle();
            jobs.finish(tenant, jobId, ImportJobView.FAILED,
                    "导入意外中止，已导入的行均已保存 / The import stopped unexpectedly; every row imported so far is saved.",
                    List.of());
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    /**
     * The state of one run of a job, and its stages on other threads: this thread reads, validates and analyses a
     * batch; meanwhile up to {@value #WRITES_IN_FLIGHT} batches before it are written to the store, and after each
     * write, in file order, the job's progress is recorded and the batch indexed for search. A write waits for the
     * store to decode, insert and commit it before it is acknowledged, mostly without using a core: while reading
     * and analysing waited for one write at a time, an import used about one of the 2 cores (measured,
     * docs/benchmarks.md).
     *
     * <p>Batches hold different patents (a number repeated in the file is refused on its later rows), so two writes
     * never touch the same patent. A row counts as done once its batch and every batch before it are written: only
     * then is the row to resume after recorded. A resumed run writes the batches after that row again, which is
     * harmless (upserts are idempotent), and the index is derived from MongoDB (an index that a crash left behind is
     * caught up when it is next opened). At most {@value #WRITES_IN_FLIGHT} batches are written and one indexed while
     * the next is collected, which also bounds the memory an import holds.
     */
    private final class ImportRun {
        static final int WRITES_IN_FLIGHT = 2;

        final TenantId tenant;
        final String jobId;
        final String institution;
        final String actor;
        final Executor executor;
        final long started = System.nanoTime();
        final Timings timings = new Timings();
        List<AnalyzedPatent> batch = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        long errorRows;
        long lastRow;
        long rowsThisRun;
        /**
         * Each batch handed over and not yet awaited, oldest first: done when its progress is recorded. Each waits
         * for the one before it, so progress moves in file order.
         */
        final Deque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
        /** The batch being indexed (started when its progress is recorded); its failure fails the import. */
        CompletableFuture<Void> indexing = CompletableFuture.completedFuture(null);

        ImportRun(TenantId tenant, String jobId, String institution, String actor, Executor executor) {
            this.tenant = tenant;
            this.jobId = jobId;
            this.institution = institution;
            this.actor = actor;
            this.executor = executor;
        }

        void refuse(List<RowError> rowErrors) {
            errors.addAll(rowErrors);
            errorRows++;
        }

        /** What the later stages need of a collected batch. */
        private record CollectedBatch(List<AnalyzedPatent> patents, List<RowError> errors, long errorRows,
                long lastRow, long rowsThisRun) {
        }

        /** What writing a batch did, and how long it took. */
        private record Written(UpsertResult result, long nanos) {
        }

        /** Hands the collected batch over to be written, once fewer than {@link #WRITES_IN_FLIGHT} are. */
        void flush() {
            CollectedBatch collected = new CollectedBatch(batch, errors, errorRows, lastRow, rowsThisRun);
            long waiting = System.nanoTime();
            while (inFlight.size() >= WRITES_IN_FLIGHT) {
                await(inFlight.removeFirst());
            }
            timings.waitingForWrites += System.nanoTime() - waiting;
            // The ones awaited above are done (or the import has failed), so the newest left is the one to follow.
            CompletableFuture<Void> previous = inFlight.isEmpty() ? CompletableFuture.completedFuture(null)
                    : inFlight.peekLast();
            CompletableFuture<Written> write = CompletableFuture.supplyAsync(() -> write(collected), executor);
            inFlight.addLast(previous.thenCombineAsync(write, (earlier, written) -> {
                record(collected, written);
                return null;
            }, executor));
            batch = new ArrayList<>();
            errors = new ArrayList<>();
            errorRows = 0;
        }

        /** Waits until every collected batch is written, recorded and indexed; any failure fails the import. */
        void finish() {
            flush();
            while (!inFlight.isEmpty()) {
                await(inFlight.removeFirst());
            }
            await(indexing);
        }

        private Written write(CollectedBatch collected) {
            long writingStarted = System.nanoTime();
            UpsertResult result = collected.patents().isEmpty() ? UpsertResult.empty()
                    : patents.upsertBatch(tenant, institution, jobId, actor, collected.patents(),
                            (record, status) -> analyzer.analyze(tenant, record, status));
            return new Written(result, System.nanoTime() - writingStarted);
        }

        /** After a batch and every batch before it are written: starts indexing it, records the job's progress. */
        private void record(CollectedBatch collected, Written written) {
            timings.writing += written.nanos();
            long waiting = System.nanoTime();
            await(indexing);
            long recording = System.nanoTime();
            timings.waitingForIndex += recording - waiting;
            UpsertResult result = written.result();
            List<PatentSearchDocument> documents = result.written();
            // Only an update can be published: the network catalogue gets the changed public fields at once.
            List<String> republished = documents.stream().filter(PatentSearchDocument::published)
                    .map(PatentSearchDocument::id).toList();
            if (!republished.isEmpty()) {
                catalogue.republish(tenant, republished);
            }
            if (!documents.isEmpty()) {
                indexing = CompletableFuture.runAsync(() -> {
                    long indexingStarted = System.nanoTime();
                    search.indexWithoutCommit(tenant, documents);
                    timings.indexing += System.nanoTime() - indexingStarted; // read after the join that follows
                }, executor);
            }
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            // Row 1 is the header: the last file row done is also the number of data rows done, plus one.
            jobs.recordBatch(tenant, jobId, collected.lastRow(), Math.max(0, collected.lastRow() - 1),
                    new BatchCounts(result.created(), result.updated(), result.unchanged(), collected.errorRows()),
                    Math.round(collected.rowsThisRun() / seconds * 10) / 10.0, collected.errors(), LEASE_MILLIS);
            timings.recording += System.nanoTime() - recording;
        }

        /**
         * Lets the stages under way end, ignoring their failures, so that a failed job's status is not overwritten by
         * the progress of a batch that was still being written.
         */
        void settle() {
            inFlight.forEach(this::settle);
            settle(indexing); // read after the recordings ended: the last of them may have started it
        }

        private void settle(CompletableFuture<Void> stage) {
            try {
                stage.join();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A stage of import " + jobId + " failed as well", e);
            }
        }

        private static void await(CompletableFuture<Void> stage) {
            try {
                stage.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }
}
