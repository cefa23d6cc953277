package org.ipop.enterprises.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ipop.audit.AuditTrail;
import org.ipop.enterprises.EnterpriseChanged;
import org.ipop.enterprises.EnterpriseImportJob;
import org.ipop.enterprises.EnterpriseImportJob.RowProblem;
import org.ipop.enterprises.EnterpriseProfile;
import org.ipop.enterprises.domain.EnterpriseRules;
import org.ipop.enterprises.importing.EnterpriseColumns;
import org.ipop.enterprises.persistence.MongoEnterpriseImports;
import org.ipop.enterprises.persistence.MongoEnterprises;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.TenantId;
import org.ipop.kernel.ValidationFailed;
import org.ipop.reference.ReferenceData;
import org.ipop.tabular.ErrorReport;
import org.ipop.tabular.TabularFile;
import org.ipop.tabular.TabularFileRefused;
import org.ipop.tabular.TabularRow;
import org.ipop.tenancy.ManagedExecutors;
import org.ipop.tenancy.Tenants;

/**
 * Imports an operator's list of enterprises (CSV in UTF-8 or GBK/GB18030, or XLSX; Chinese or English headers) as a
 * background job. The upload is kept in a temporary file and its header checked before the job is accepted, so a
 * file without the required columns is refused at once and nothing is written. The rows are then validated one by
 * one and the good ones saved in batches of {@value #BATCH_SIZE} (one bulk write each); after every batch the job
 * records its counts and the batch's refused cells, so operators watch it progress.
 *
 * <p>The file lives on the node that received it, so a job is not resumed elsewhere: a job whose node stopped is
 * marked failed once its lease lapses. Nothing is lost by that — every saved row stays saved, and importing the
 * same file again is safe (rows are upserted by credit code).
 */
@ApplicationScoped
public class EnterpriseImports {

    private static final Logger LOG = Logger.getLogger(EnterpriseImports.class.getName());
    static final int BATCH_SIZE = 500;
    /** A running job renews its lease after every batch (well under a second); a dead node's lapses after this. */
    private static final long LEASE_MILLIS = 60_000;
    private static final long SWEEP_SECONDS = 30;
    static final String INTERRUPTED = "导入因服务停止而中断；已导入的行均已保存，重新导入同一文件是安全的。"
            + " / The import was interrupted because the server stopped; every row imported so far is saved, and"
            + " importing the same file again is safe.";
    static final String FAILED = "导入意外中止；已导入的行均已保存，重新导入同一文件是安全的。"
            + " / The import stopped unexpectedly; every row imported so far is saved, and importing the same file"
            + " again is safe.";

    private final MongoEnterpriseImports jobs;
    private final MongoEnterprises enterprises;
    private final AuditTrail audit;
    private final Event<EnterpriseChanged> changed;
    private final Tenants tenants;
    private final EnterpriseRules rules = new EnterpriseRules(ReferenceData.get());
    private volatile ScheduledFuture<?> sweep;

    @Inject
    public EnterpriseImports(MongoEnterpriseImports jobs, MongoEnterprises enterprises, AuditTrail audit,
            Event<EnterpriseChanged> changed, Tenants tenants) {
        this.jobs = jobs;
        this.enterprises = enterprises;
        this.audit = audit;
        this.changed = changed;
        this.tenants = tenants;
    }

    /** For CDI's client proxy only. */
    protected EnterpriseImports() {
        this(null, null, null, null, null);
    }

    /**
     * Keeps the upload, checks its header and starts the job in the background.
     * @throws ValidationFailed if the file is not a table or lacks a required column (nothing is written)
     */
    public EnterpriseImportJob start(TenantId tenant, InputStream content, String fileName, String actor) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        Path file = keep(content);
        try {
            requireColumns(file, name);
            String id = UUID.randomUUID().toString();
            jobs.create(tenant, id, name, actor, LEASE_MILLIS);
            audit.record(tenant, actor, "enterprises.import.started", id, name);
            ManagedExecutors.executor().execute(() -> run(tenant, id, file, name, actor));
            return jobs.find(tenant, id).orElseThrow();
        } catch (RuntimeException | Error e) {
            delete(file);
            throw e;
        }
    }

    /** Marks failed, at start-up and then every {@value #SWEEP_SECONDS} s, the jobs of nodes that stopped. */
    void sweepAtStartup(@Observes Startup startup) {
        sweep = ManagedExecutors.scheduler().scheduleWithFixedDelay(this::failAbandoned, 0, SWEEP_SECONDS,
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopSweeping() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    void failAbandoned() {
        try {
            for (var tenant : tenants.all()) {
                for (String id : jobs.failAbandoned(tenant.id(), INTERRUPTED)) {
                    LOG.warning(() -> "Enterprise import " + id + " of tenant " + tenant.id()
                            + " was interrupted (its server stopped); marked failed");
                    audit.record(tenant.id(), "platform", "enterprises.import.interrupted", id, INTERRUPTED);
                }
            }
        } catch (RuntimeException e) {
            // Keep sweeping: the next sweep retries (MongoDB briefly unavailable, a tenant being registered).
            LOG.log(Level.WARNING, "Looking for interrupted enterprise imports failed: " + e.getMessage());
        }
    }

    private static Path keep(InputStream content) {
        try {
            Path file = Files.createTempFile("ipop-enterprises-", ".upload");
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be kept", e);
        }
    }

    private static void requireColumns(Path file, String name) {
        try (InputStream in = Files.newInputStream(file); TabularFile table = TabularFile.open(in, name)) {
            List<EnterpriseColumns> missing = EnterpriseColumns.missing(EnterpriseColumns.locate(table.header()));
            if (!missing.isEmpty()) {
                throw new ValidationFailed("文件缺少必需的列：" + missing.stream().map(EnterpriseColumns::label)
                        .collect(Collectors.joining("、")) + " / The file lacks required columns",
                        missing.stream().map(c -> new FieldError(c.label(), null, "缺少此列 / column missing"))
                                .toList());
            }
        } catch (TabularFileRefused refused) {
            throw new ValidationFailed(refused.getMessage(), List.of(new FieldError("file", name,
                    refused.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
    }

    /** Runs the job to its end; the tenant is explicit, there is no request here. */
    void run(TenantId tenant, String id, Path file, String name, String actor) {
        ImportRun run = new ImportRun(tenant, id, actor);
        try (InputStream in = Files.newInputStream(file); TabularFile table = TabularFile.open(in, name)) {
            Map<EnterpriseColumns, Integer> columns = EnterpriseColumns.locate(table.header());
            for (TabularRow row : table) {
                run.add(row, columns);
            }
            run.flush();
            jobs.finish(tenant, id, EnterpriseImportJob.COMPLETED, null);
            audit.record(tenant, actor, "enterprises.imported", name, String.format(
                    "%d rows: %d new, %d changed, %d refused", run.rows, run.created, run.updated, run.refused));
        } catch (Exception | Error e) {
            // Errors too (an exhausted heap): a job must never stay "running" without a thread.
            LOG.log(Level.SEVERE, "Enterprise import " + id + " of tenant " + tenant + " failed", e);
            jobs.finish(tenant, id, EnterpriseImportJob.FAILED, FAILED);
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            delete(file);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete the upload " + file, e);
        }
    }

    /** One run: the batch being collected and the counts so far. */
    private final class ImportRun {
        final TenantId tenant;
        final String id;
        final String actor;
        final long started = System.nanoTime();
        final Map<String, Integer> firstRowOf = new HashMap<>();
        List<EnterpriseProfile> batch = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        long rows;
        long created;
        long updated;
        long refused;

        ImportRun(TenantId tenant, String id, String actor) {
            this.tenant = tenant;
            this.id = id;
            this.actor = actor;
        }

        void add(TabularRow row, Map<EnterpriseColumns, Integer> columns) {
            rows++;
            List<RowProblem> rowProblems = oversized(row, columns); // such a row is not read further
            if (rowProblems.isEmpty()) {
                EnterpriseProfile profile = rules.normalise(EnterpriseColumns.profileOf(row, columns));
                List<FieldError> errors = new ArrayList<>(rules.check(profile));
                Integer first = firstRowOf.putIfAbsent(profile.creditCode(), row.number());
                if (first != null && errors.stream().noneMatch(e -> e.field().equals("creditCode"))) {
                    errors.add(new FieldError("creditCode", profile.creditCode(),
                            "与第 " + first + " 行重复 / duplicate of row " + first));
                }
                if (errors.isEmpty()) {
                    batch.add(profile);
                }
                errors.forEach(error -> rowProblems.add(new RowProblem(row.number(),
                        EnterpriseColumns.ofField(error.field()).label(), error.value(), error.reason())));
            }
            if (!rowProblems.isEmpty()) {
                refused++;
                problems.addAll(rowProblems);
            }
            if (batch.size() + problems.size() >= BATCH_SIZE) {
                flush();
            }
        }

        /** The row's cells longer than a cell holds, refused before the row is read (see TabularRow). */
        private static List<RowProblem> oversized(TabularRow row, Map<EnterpriseColumns, Integer> columns) {
            List<RowProblem> oversized = new ArrayList<>();
            columns.forEach((column, index) -> {
                String value = row.cell(index);
                if (value.length() > TabularRow.MAX_CELL_CHARS) {
                    oversized.add(new RowProblem(row.number(), column.label(), value, ErrorReport.tooLong(value)));
                }
            });
            return oversized;
        }

        void flush() {
            int fresh = enterprises.saveAll(tenant, batch, actor);
            created += fresh;
            updated += batch.size() - fresh;
            double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            jobs.recordBatch(tenant, id, rows, created, updated, refused, Math.round(rows / seconds * 10) / 10.0,
                    problems, LEASE_MILLIS);
            for (EnterpriseProfile saved : batch) {
                changed.fire(new EnterpriseChanged(tenant.value(), saved.creditCode()));
            }
            batch = new ArrayList<>();
            problems = new ArrayList<>();
        }
    }
}
