package org.ipop.enterprises.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ipop.enterprises.DemandInput;
import org.ipop.enterprises.DemandView;
import org.ipop.enterprises.PublishedDemand;
import org.ipop.kernel.TenantId;
import org.ipop.persistence.Databases;
import org.ipop.reference.ReferenceData;

/**
 * Technology demands: {@code demands} in the tenant database, and the published ones copied (public fields only,
 * naming their tenant) into {@code demands} of the network database.
 */
@ApplicationScoped
public class MongoDemands {

    static final String DEMANDS = "demands";

    private final Databases databases;

    @Inject
    public MongoDemands(Databases databases) {
        this.databases = databases;
    }

    /** For CDI's client proxy only. */
    protected MongoDemands() {
        this(null);
    }

    public String create(String enterpriseCode, String enterpriseName, DemandInput demand, String actor) {
        String id = UUID.randomUUID().toString();
        tenant().insertOne(new Document("_id", id).append("enterprise", enterpriseCode)
                .append("enterpriseName", enterpriseName).append("title", demand.title().strip())
                .append("problem", demand.problem().strip())
                .append("segment", demand.segment() == null || demand.segment().isBlank() ? null
                        : demand.segment().strip())
                .append("budgetMin", demand.budgetMin()).append("budgetMax", demand.budgetMax())
                .append("modes", demand.modes().stream().map(m -> m.strip().toUpperCase()).toList())
                .append("deadline", demand.deadline() == null || demand.deadline().isBlank() ? null
                        : demand.deadline().strip())
                .append("status", "OPEN").append("published", false).append("createdAt", new Date())
                .append("createdBy", actor));
        return id;
    }

    public Optional<DemandView> find(String id) {
        return Optional.ofNullable(tenant().find(Filters.eq("_id", id)).first()).map(MongoDemands::view);
    }

    /** The tenant's demands, newest first, optionally of one enterprise. */
    public List<DemandView> list(String enterpriseCode) {
        Bson filter = enterpriseCode == null ? new Document() : Filters.eq("enterprise", enterpriseCode);
        List<DemandView> result = new ArrayList<>();
        tenant().find(filter).sort(Sorts.descending("createdAt")).batchSize(200).forEach(doc -> result.add(view(doc)));
        return result;
    }

    /** The open demands of an enterprise of {@code tenant}, for matching. */
    public List<DemandView> openOf(TenantId tenant, String enterpriseCode) {
        List<DemandView> result = new ArrayList<>();
        databases.forTenant(tenant).getCollection(DEMANDS).find(Filters.and(Filters.eq("enterprise", enterpriseCode),
                Filters.eq("status", "OPEN"))).forEach(doc -> result.add(view(doc)));
        return result;
    }

    public void setStatus(String id, String status) {
        tenant().updateOne(Filters.eq("_id", id), Updates.set("status", status));
    }

    public void publish(TenantId tenant, DemandView demand) {
        tenant().updateOne(Filters.eq("_id", demand.id()), Updates.set("published", true));
        Document entry = new Document("_id", tenant.value() + ":" + demand.id())
                .append("tenant", tenant.value()).append("demand", demand.id())
                .append("enterpriseName", demand.enterpriseName()).append("title", demand.title())
                .append("problem", demand.problem()).append("segment", demand.segment())
                .append("budgetMin", demand.budgetMin()).append("budgetMax", demand.budgetMax())
                .append("modes", demand.modes())
                .append("deadline", demand.deadline()).append("publishedAt", new Date());
        databases.network().getCollection(DEMANDS).replaceOne(Filters.eq("_id", entry.getString("_id")), entry,
                new ReplaceOptions().upsert(true));
    }

    public void withdraw(TenantId tenant, String id) {
        tenant().updateOne(Filters.eq("_id", id), Updates.set("published", false));
        databases.network().getCollection(DEMANDS).deleteOne(Filters.eq("_id", tenant.value() + ":" + id));
    }

    /** The network's published demands, newest first. */
    public List<PublishedDemand> published(int offset, int limit) {
        List<PublishedDemand> result = new ArrayList<>();
        databases.network().getCollection(DEMANDS).find().sort(Sorts.descending("publishedAt")).skip(offset)
                .limit(limit).forEach(doc -> result.add(new PublishedDemand(doc.getString("tenant"),
                        doc.getString("demand"), doc.getString("enterpriseName"), doc.getString("title"),
                        doc.getString("problem"), doc.getString("segment"), branchName(doc.getString("segment")),
                        integer(doc, "budgetMin"), integer(doc, "budgetMax"),
                        doc.getList("modes", String.class, List.of()), doc.getString("deadline"),
                        instant(doc.getDate("publishedAt")))));
        return result;
    }

    static DemandView view(Document doc) {
        return new DemandView(doc.getString("_id"), doc.getString("enterprise"), doc.getString("enterpriseName"),
                doc.getString("title"), doc.getString("problem"), doc.getString("segment"),
                branchName(doc.getString("segment")), integer(doc, "budgetMin"), integer(doc, "budgetMax"),
                doc.getList("modes", String.class, List.of()), doc.getString("deadline"), doc.getString("status"),
                doc.getBoolean("published", false), instant(doc.getDate("createdAt")), doc.getString("createdBy"));
    }

    private static String branchName(String code) {
        return code == null ? null : ReferenceData.get().industryBranch(code).map(b -> b.name()).orElse(null);
    }

    private static Integer integer(Document doc, String field) {
        return doc.get(field) instanceof Number number ? number.intValue() : null;
    }

    private static String instant(Date date) {
        return date == null ? null : date.toInstant().toString();
    }

    private MongoCollection<Document> tenant() {
        return databases.forCurrentTenant().getCollection(DEMANDS);
    }
}
