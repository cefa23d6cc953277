package org.ipop.library.application;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.ipop.audit.AuditTrail;
import org.ipop.kernel.TenantId;
import org.ipop.library.ImportJobView;
import org.ipop.library.domain.AnalyzedPatent;
import org.ipop.library.importing.InventoryReader;
import org.ipop.library.importing.InventoryRefused;
import org.ipop.library.importing.InventoryRow;
import org.ipop.library.importing.RowError;
import org.ipop.library.persistence.MongoImportJobs;
import org.ipop.library.persistence.MongoImportJobs.BatchCounts;
import org.ipop.library.persistence.MongoPatents;
import org.ipop.library.persistence.MongoPatents.UpsertResult;
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
    private static final long LEASE_MILLIS = 60_000;

    private final MongoImportJobs jobs;
    private final MongoPatents patents;
    private final PatentAnalyzer analyzer;
    private final LibrarySearch search;
    private final AuditTrail audit;
    private final Tenants tenants;
    private final String node = UUID.randomUUID().toString();

    /** Where an import's time went, logged at its end so that slow imports can be explained. */
    private static final class Timings {
        long reading;
        long analysing;
        long storing;
        long indexing;
        long recording;

        @Override
        public String toString() {
            return String.format("reading and validating %d ms, analysing %d ms, storing %d ms, indexing %d ms, "
                    + "recording progress %d ms", reading / 1_000_000, analysing / 1_000_000, storing / 1_000_000,
                    indexing / 1_000_000, recording / 1_000_000);
        }
    }

    @Inject
    public InventoryImports(MongoImportJobs jobs, MongoPatents patents, PatentAnalyzer analyzer, LibrarySearch search,
            AuditTrail audit, Tenants tenants) {
        this.jobs = jobs;
        this.patents = patents;
        this.analyzer = analyzer;
        this.search = search;
        this.audit = audit;
        this.tenants = tenants;
    }

    /** For CDI's client proxy only. */
    protected InventoryImports() {
        this(null, null, null, null, null, null);
    }

    /** Stores the file, queues the job and starts it in the background; returns the job at once. */
    public ImportJobView start(TenantId tenant, String institution, String fileName, InputStream content,
            String actor) {
        String jobId = UUID.randomUUID().toString();
        jobs.create(tenant, jobId, institution, fileName, content, actor);
        audit.record(tenant, actor, "library.import.started", jobId, institution + ": " + fileName);
        executor().execute(() -> run(tenant, jobId));
        return jobs.find(tenant, jobId).orElseThrow();
    }

    /** Resumes the jobs that a crash or a restart interrupted, for every tenant. */
    void resumeAtStartup(@Observes Startup startup) {
        ManagedExecutorService executor = executor();
        for (var tenant : tenants.all()) {
            for (String jobId : jobs.unfinished(tenant.id())) {
                LOG.info(() -> "Resuming import " + jobId + " of tenant " + tenant.id());
                executor.execute(() -> run(tenant.id(), jobId));
            }
        }
    }

    /** Runs (or resumes) one job to its end. Carries its tenant explicitly: there is no request here. */
    void run(TenantId tenant, String jobId) {
        var leased = jobs.lease(tenant, jobId, node, LEASE_MILLIS);
        if (leased.isEmpty()) {
            return; // finished, or another node runs it
        }
        String institution = leased.get().institution();
        String fileName = leased.get().fileName();
        String actor = leased.get().uploadedBy();
        long resumeAfter = leased.get().lastRowDone();
        long started = System.nanoTime();
        java.time.Instant indexedFrom = java.time.Instant.now();
        long rowsThisRun = 0;
        try (InputStream in = jobs.openUpload(tenant, jobId); InventoryReader reader = InventoryReader.open(in,
                fileName)) {
            Map<String, Integer> firstRowOf = new HashMap<>();
            List<AnalyzedPatent> batch = new ArrayList<>();
            List<RowError> errors = new ArrayList<>();
            long errorRows = 0;
            long lastRow = resumeAfter;
            Timings timings = new Timings();
            long mark = System.nanoTime();
            for (InventoryRow row : reader) {
                timings.reading += System.nanoTime() - mark;
                if (row.rowNumber() <= resumeAfter) {
                    continue;
                }
                lastRow = row.rowNumber();
                rowsThisRun++;
                switch (row) {
                    case InventoryRow.Valid valid -> {
                        String number = valid.record().applicationNumber();
                        Integer first = firstRowOf.putIfAbsent(number, valid.rowNumber());
                        if (first != null) {
                            errors.add(new RowError(valid.rowNumber(), "申请号 application number", number,
                                    "与第 " + first + " 行重复 / duplicate of row " + first));
                            errorRows++;
                        } else {
                            long analysing = System.nanoTime();
                            batch.add(analyzer.analyze(tenant, valid.record()));
                            timings.analysing += System.nanoTime() - analysing;
                        }
                    }
                    case InventoryRow.Invalid invalid -> {
                        errors.addAll(invalid.errors());
                        errorRows++;
                    }
                }
                if (batch.size() + errorRows >= BATCH_SIZE) {
                    flush(tenant, jobId, institution, actor, batch, errors, errorRows, lastRow, rowsThisRun, started,
                            timings);
                    batch = new ArrayList<>();
                    errors = new ArrayList<>();
                    errorRows = 0;
                }
                mark = System.nanoTime();
            }
            flush(tenant, jobId, institution, actor, batch, errors, errorRows, lastRow, rowsThisRun, started,
                    timings);
            search.commit(tenant, indexedFrom);
            LOG.info("Import " + jobId + " of tenant " + tenant + ": " + timings);
            jobs.finish(tenant, jobId, ImportJobView.COMPLETED, null, List.of());
            ImportJobView done = jobs.find(tenant, jobId).orElseThrow();
            audit.record(tenant, actor, "library.import.completed", jobId, String.format(
                    "%s: %d rows, %d new, %d changed, %d unchanged, %d refused", fileName, done.rowsDone(),
                    done.created(), done.updated(), done.unchanged(), done.errorRows()));
        } catch (InventoryRefused refused) {
            jobs.finish(tenant, jobId, ImportJobView.REFUSED, refused.getMessage(), refused.errors());
            audit.record(tenant, actor, "library.import.refused", jobId, fileName + ": " + refused.getMessage());
        } catch (Exception | Error e) {
            // Errors too (a linkage problem, an exhausted heap): a job must never stay "running" without a thread.
            LOG.log(Level.SEVERE, "Import " + jobId + " of tenant " + tenant + " failed", e);
            jobs.finish(tenant, jobId, ImportJobView.FAILED,
                    "导入意外中止，已导入的行均已保存 / The import stopped unexpectedly; every row imported so far is saved.",
                    List.of());
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    private void flush(TenantId tenant, String jobId, String institution, String actor, List<AnalyzedPatent> batch,
            List<RowError> errors, long errorRows, long lastRow, long rowsThisRun, long started, Timings timings) {
        long storing = System.nanoTime();
        UpsertResult result = batch.isEmpty() ? new UpsertResult(0, 0, 0)
                : patents.upsertBatch(tenant, institution, jobId, actor, batch);
        long indexing = System.nanoTime();
        timings.storing += indexing - storing;
        search.indexWithoutCommit(tenant, batch.stream().map(p -> p.record().applicationNumber()).toList());
        long recording = System.nanoTime();
        timings.indexing += recording - indexing;
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        // Row 1 is the header: the last file row done is also the number of data rows done, plus one.
        jobs.recordBatch(tenant, jobId, lastRow, Math.max(0, lastRow - 1), new BatchCounts(result.created(), result.updated(),
                result.unchanged(), errorRows), Math.round(rowsThisRun / seconds * 10) / 10.0, errors, LEASE_MILLIS);
        timings.recording += System.nanoTime() - recording;
    }

    private static ManagedExecutorService executor() {
        try {
            return InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        } catch (NamingException e) {
            throw new IllegalStateException("no managed executor", e);
        }
    }
}
