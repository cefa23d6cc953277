package org.ipop.library.persistence;

import static org.ipop.persistence.DocumentValues.iso;
import static org.ipop.persistence.DocumentValues.number;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.TenantId;
import org.ipop.library.ImportJobView;
import org.ipop.library.importing.RowError;
import org.ipop.persistence.Databases;

/**
 * Import jobs and their row errors. A job's progress is written after every batch, together with the row to resume
 * from, so a restart continues where the last acknowledged batch ended. A lease (owner and expiry, checked in code:
 * the embedded server has no TTL indexes) makes sure only one node runs a job.
 */
@ApplicationScoped
public class MongoImportJobs {

    private static final String JOBS = "import_jobs";
    private static final String ERRORS = "import_errors";
    private static final String UPLOADS = "upload_chunks";

    private final Databases databases;

    @Inject
    public MongoImportJobs(Databases databases) {
        this.databases = databases;
    }

    /** For CDI's client proxy only. */
    protected MongoImportJobs() {
        this(null);
    }

    /**
     * Stores the uploaded file and the queued job; the file stays until the job has finished. The file is kept as
     * 1 MiB chunk documents read back one by one by their unique id: GridFS reads all chunks with one query, which
     * the embedded server answers in a single reply that the driver refuses above 48 MB.
     */
    public void create(TenantId tenant, String jobId, String institution, String fileName, InputStream content,
            String actor) {
        MongoDatabase database = databases.forTenant(tenant);
        int chunks = UploadChunks.store(database.getCollection(UPLOADS), jobId, content);
        database.getCollection(JOBS).insertOne(new Document("_id", jobId)
                .append("chunks", chunks)
                .append("institution", institution)
                .append("fileName", fileName)
                .append("uploadedBy", actor)
                .append("status", ImportJobView.QUEUED)
                .append("startedAt", new Date())
                .append("nextRow", 0L)
                .append("rowsDone", 0L).append("created", 0L).append("updated", 0L).append("unchanged", 0L)
                .append("errorRows", 0L).append("rowsPerSecond", 0.0));
    }

    public InputStream openUpload(TenantId tenant, String jobId) {
        MongoDatabase database = databases.forTenant(tenant);
        Document job = database.getCollection(JOBS).find(Filters.eq("_id", jobId)).first();
        int chunks = job == null ? 0 : job.getInteger("chunks", 0);
        return UploadChunks.open(database.getCollection(UPLOADS), jobId, chunks);
    }

    /**
     * Takes the job for this node if it is queued, or running with an expired lease (its node died).
     * @return the job, or empty if another node holds it or it has finished
     */
    public Optional<LeasedJob> lease(TenantId tenant, String jobId, String owner, long leaseMillis) {
        Date now = new Date();
        return Optional.ofNullable(jobs(tenant).findOneAndUpdate(
                Filters.and(Filters.eq("_id", jobId),
                        Filters.in("status", ImportJobView.QUEUED, ImportJobView.RUNNING),
                        Filters.or(Filters.exists("leaseUntil", false), Filters.lt("leaseUntil", now),
                                Filters.eq("leaseOwner", owner))),
                Updates.combine(Updates.set("status", ImportJobView.RUNNING), Updates.set("leaseOwner", owner),
                        Updates.set("leaseUntil", new Date(now.getTime() + leaseMillis))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(doc -> new LeasedJob(doc.getString("institution"), doc.getString("fileName"),
                        doc.getString("uploadedBy"), number(doc, "nextRow")));
    }

    /** A job this node now runs: whose file, and the last file row already done. */
    public record LeasedJob(String institution, String fileName, String uploadedBy, long lastRowDone) {
    }

    /** Jobs a crash left unfinished (queued, or running with an expired lease). */
    public List<String> unfinished(TenantId tenant) {
        List<String> ids = new ArrayList<>();
        jobs(tenant).find(Filters.and(Filters.in("status", ImportJobView.QUEUED, ImportJobView.RUNNING),
                Filters.or(Filters.exists("leaseUntil", false), Filters.lt("leaseUntil", new Date()))))
                .projection(new Document("_id", 1)).forEach(doc -> ids.add(doc.getString("_id")));
        return ids;
    }

    /**
     * Records a finished batch: counts, speed, the last file row done (to resume after), a renewed lease; the row
     * errors are written first, so a job never claims rows whose errors are lost.
     */
    public void recordBatch(TenantId tenant, String jobId, long lastRowDone, long dataRowsDone, BatchCounts counts,
            double rowsPerSecond, List<RowError> errors, long leaseMillis) {
        if (!errors.isEmpty()) {
            List<Document> documents = errors.stream().map(error -> new Document("_id", jobId + ":" + error.rowNumber()
                    + ":" + error.column())
                    .append("job", jobId).append("row", error.rowNumber()).append("column", error.column())
                    .append("value", error.value()).append("reason", error.reason())).toList();
            try {
                databases.forTenant(tenant).getCollection(ERRORS).insertMany(documents,
                        new InsertManyOptions().ordered(false));
            } catch (com.mongodb.MongoBulkWriteException e) {
                // A batch replayed after a crash writes the same errors again: duplicates are expected, nothing else.
                if (e.getWriteErrors().stream().anyMatch(w -> w.getCode() != 11000)) {
                    throw e;
                }
            }
        }
        jobs(tenant).updateOne(Filters.eq("_id", jobId), Updates.combine(
                Updates.set("nextRow", lastRowDone),
                Updates.set("rowsDone", dataRowsDone),
                Updates.inc("created", counts.created()),
                Updates.inc("updated", counts.updated()),
                Updates.inc("unchanged", counts.unchanged()),
                Updates.inc("errorRows", counts.errorRows()),
                Updates.set("rowsPerSecond", rowsPerSecond),
                Updates.set("leaseUntil", new Date(System.currentTimeMillis() + leaseMillis))));
    }

    public void finish(TenantId tenant, String jobId, String status, String failure, List<FieldError> refusal) {
        List<Document> refusals = refusal.stream().map(error -> new Document("field", error.field())
                .append("value", error.value()).append("reason", error.reason())).toList();
        jobs(tenant).updateOne(Filters.eq("_id", jobId), Updates.combine(Updates.set("status", status),
                Updates.set("finishedAt", new Date()), Updates.set("failure", failure),
                Updates.set("refusal", refusals), Updates.unset("leaseOwner"), Updates.unset("leaseUntil")));
        Document job = jobs(tenant).find(Filters.eq("_id", jobId)).first();
        UploadChunks.delete(databases.forTenant(tenant).getCollection(UPLOADS), jobId,
                job == null ? 0 : job.getInteger("chunks", 0));
    }

    public Optional<ImportJobView> find(String jobId) {
        return Optional.ofNullable(databases.forCurrentTenant().getCollection(JOBS).find(Filters.eq("_id", jobId))
                .first()).map(MongoImportJobs::toView);
    }

    public Optional<ImportJobView> find(TenantId tenant, String jobId) {
        return Optional.ofNullable(jobs(tenant).find(Filters.eq("_id", jobId)).first()).map(MongoImportJobs::toView);
    }

    /** The newest jobs, of these institutions only unless {@code institutions} is empty (Optional: all). */
    public List<ImportJobView> recent(int limit, Optional<Set<String>> institutions) {
        List<ImportJobView> views = new ArrayList<>();
        databases.forCurrentTenant().getCollection(JOBS)
                .find(institutions.map(names -> Filters.in("institution", names)).orElse(Filters.empty()))
                .sort(Sorts.descending("startedAt")).limit(limit)
                .forEach(doc -> views.add(toView(doc)));
        return views;
    }

    /** The current tenant's row errors of one job, in row order. */
    public List<RowError> errors(String jobId) {
        List<RowError> errors = new ArrayList<>();
        databases.forCurrentTenant().getCollection(ERRORS).find(Filters.eq("job", jobId))
                .sort(Sorts.ascending("row")).batchSize(MongoPatents.SCAN_BATCH).forEach(doc -> errors.add(new RowError(doc.getInteger("row"),
                        doc.getString("column"), doc.getString("value"), doc.getString("reason"))));
        return errors;
    }

    private MongoCollection<Document> jobs(TenantId tenant) {
        return databases.forTenant(tenant).getCollection(JOBS);
    }

    private static ImportJobView toView(Document doc) {
        List<FieldError> refusal = doc.getList("refusal", Document.class, List.of()).stream()
                .map(r -> new FieldError(r.getString("field"), r.getString("value"), r.getString("reason"))).toList();
        return new ImportJobView(doc.getString("_id"), doc.getString("institution"), doc.getString("fileName"),
                doc.getString("status"), doc.getString("uploadedBy"), iso(doc.getDate("startedAt")),
                iso(doc.getDate("finishedAt")), number(doc, "rowsDone"), number(doc, "created"),
                number(doc, "updated"), number(doc, "unchanged"), number(doc, "errorRows"),
                doc.get("rowsPerSecond") instanceof Number n ? n.doubleValue() : 0, doc.getString("failure"),
                refusal);
    }

    /** What one batch did to the library. */
    public record BatchCounts(long created, long updated, long unchanged, long errorRows) {
    }
}
