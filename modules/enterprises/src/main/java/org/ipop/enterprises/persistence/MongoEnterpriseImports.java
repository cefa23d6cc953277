package org.ipop.enterprises.persistence;

import static org.ipop.persistence.DocumentValues.iso;
import static org.ipop.persistence.DocumentValues.number;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.ipop.enterprises.EnterpriseImportJob;
import org.ipop.enterprises.EnterpriseImportJob.RowProblem;
import org.ipop.kernel.TenantId;
import org.ipop.persistence.Databases;

/**
 * Enterprise list imports and their refused cells, per tenant. A running job renews a lease after every batch, so
 * that a job whose node died (its file was on that node) can be told from one still running, and marked failed.
 */
@ApplicationScoped
public class MongoEnterpriseImports {

    static final String JOBS = "enterprise_imports";
    static final String ERRORS = "enterprise_import_errors";

    private final Databases databases;

    @Inject
    public MongoEnterpriseImports(Databases databases) {
        this.databases = databases;
    }

    /** For CDI's client proxy only. */
    protected MongoEnterpriseImports() {
        this(null);
    }

    public void create(TenantId tenant, String id, String fileName, String actor, long leaseMillis) {
        jobs(tenant).insertOne(new Document("_id", id).append("fileName", fileName).append("uploadedBy", actor)
                .append("status", EnterpriseImportJob.QUEUED).append("startedAt", new Date())
                .append("rows", 0L).append("created", 0L).append("updated", 0L).append("refusedRows", 0L)
                .append("rowsPerSecond", 0.0).append("leaseUntil", lease(leaseMillis)));
    }

    /**
     * Records the counts so far and renews the lease; the batch's refused cells are written first, so a job never
     * counts refused rows whose cells are not in its report.
     */
    public void recordBatch(TenantId tenant, String id, long rows, long created, long updated, long refusedRows,
            double rowsPerSecond, List<RowProblem> problems, long leaseMillis) {
        if (!problems.isEmpty()) {
            databases.forTenant(tenant).getCollection(ERRORS).insertMany(problems.stream().map(problem ->
                    new Document("job", id).append("row", problem.row()).append("column", problem.column())
                            .append("value", problem.value()).append("reason", problem.reason())).toList());
        }
        jobs(tenant).updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("status", EnterpriseImportJob.RUNNING), Updates.set("rows", rows),
                Updates.set("created", created), Updates.set("updated", updated),
                Updates.set("refusedRows", refusedRows), Updates.set("rowsPerSecond", rowsPerSecond),
                Updates.set("leaseUntil", lease(leaseMillis))));
    }

    public void finish(TenantId tenant, String id, String status, String failure) {
        jobs(tenant).updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", status),
                Updates.set("finishedAt", new Date()), Updates.set("failure", failure), Updates.unset("leaseUntil")));
    }

    /**
     * Marks failed the jobs whose lease has lapsed: their node stopped while they ran (queued or running).
     * @return their ids
     */
    public List<String> failAbandoned(TenantId tenant, String failure) {
        List<String> ids = new ArrayList<>();
        jobs(tenant).find(Filters.and(Filters.in("status", EnterpriseImportJob.QUEUED, EnterpriseImportJob.RUNNING),
                Filters.lt("leaseUntil", new Date()))).projection(new Document("_id", 1))
                .forEach(doc -> ids.add(doc.getString("_id")));
        for (String id : ids) {
            jobs(tenant).updateOne(Filters.and(Filters.eq("_id", id), Filters.lt("leaseUntil", new Date())),
                    Updates.combine(Updates.set("status", EnterpriseImportJob.FAILED),
                            Updates.set("finishedAt", new Date()), Updates.set("failure", failure),
                            Updates.unset("leaseUntil")));
        }
        return ids;
    }

    /** The job with its first {@value EnterpriseImportJob#ERRORS_SHOWN} refused cells. */
    public Optional<EnterpriseImportJob> find(TenantId tenant, String id) {
        return Optional.ofNullable(jobs(tenant).find(Filters.eq("_id", id)).first())
                .map(doc -> view(doc, problems(tenant, id, EnterpriseImportJob.ERRORS_SHOWN)));
    }

    public boolean exists(TenantId tenant, String id) {
        return jobs(tenant).countDocuments(Filters.eq("_id", id)) > 0;
    }

    /** The newest jobs, without their cells. */
    public List<EnterpriseImportJob> recent(TenantId tenant, int limit) {
        List<EnterpriseImportJob> views = new ArrayList<>();
        jobs(tenant).find().sort(Sorts.descending("startedAt")).limit(limit)
                .forEach(doc -> views.add(view(doc, List.of())));
        return views;
    }

    /** Every refused cell of the job, in row order. */
    public void forEachProblem(TenantId tenant, String id, Consumer<RowProblem> action) {
        databases.forTenant(tenant).getCollection(ERRORS).find(Filters.eq("job", id))
                .sort(Sorts.ascending("row")).batchSize(1_000).forEach(doc -> action.accept(problem(doc)));
    }

    private List<RowProblem> problems(TenantId tenant, String id, int limit) {
        List<RowProblem> problems = new ArrayList<>();
        databases.forTenant(tenant).getCollection(ERRORS).find(Filters.eq("job", id)).sort(Sorts.ascending("row"))
                .limit(limit).forEach(doc -> problems.add(problem(doc)));
        return problems;
    }

    private MongoCollection<Document> jobs(TenantId tenant) {
        return databases.forTenant(tenant).getCollection(JOBS);
    }

    private static Date lease(long millis) {
        return new Date(System.currentTimeMillis() + millis);
    }

    private static RowProblem problem(Document doc) {
        return new RowProblem(doc.getInteger("row"), doc.getString("column"), doc.getString("value"),
                doc.getString("reason"));
    }

    private static EnterpriseImportJob view(Document doc, List<RowProblem> problems) {
        return new EnterpriseImportJob(doc.getString("_id"), doc.getString("fileName"), doc.getString("status"),
                doc.getString("uploadedBy"), iso(doc.getDate("startedAt")), iso(doc.getDate("finishedAt")),
                number(doc, "rows"), number(doc, "created"), number(doc, "updated"), number(doc, "refusedRows"),
                doc.get("rowsPerSecond") instanceof Number n ? n.doubleValue() : 0, doc.getString("failure"),
                problems);
    }
}
