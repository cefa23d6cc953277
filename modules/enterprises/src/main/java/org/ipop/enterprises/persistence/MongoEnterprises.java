package org.ipop.enterprises.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ipop.enterprises.EnterpriseProfile;
import org.ipop.kernel.TenantId;
import org.ipop.persistence.Databases;
import org.ipop.reference.ReferenceData;
import org.ipop.reference.Region;
import org.ipop.persistence.Scans;

/**
 * The {@code enterprises} of a tenant, keyed by credit code, and {@code enterprise_members}, which says which
 * enterprise a user maintains (one per user; an enterprise may have several users).
 */
@ApplicationScoped
public class MongoEnterprises {

    static final String ENTERPRISES = "enterprises";
    static final String MEMBERS = "enterprise_members";

    private final Databases databases;

    @Inject
    public MongoEnterprises(Databases databases) {
        this.databases = databases;
    }

    /** For CDI's client proxy only. */
    protected MongoEnterprises() {
        this(null);
    }

    /** A stored enterprise: its profile, users and last change. */
    public record StoredEnterprise(EnterpriseProfile profile, List<String> members, Instant updatedAt,
            String updatedBy) {
    }

    /** Creates or replaces an enterprise of the request's tenant; false if it existed. */
    public boolean save(EnterpriseProfile profile, String actor) {
        return saveAll(tenant().getCollection(ENTERPRISES), List.of(profile), actor) == 1;
    }

    /**
     * Creates or replaces the enterprises of an import batch in one bulk write; a credit code must not occur twice
     * in one batch.
     * @return how many were new
     */
    public int saveAll(TenantId tenant, List<EnterpriseProfile> batch, String actor) {
        return batch.isEmpty() ? 0 : saveAll(databases.forTenant(tenant).getCollection(ENTERPRISES), batch, actor);
    }

    /**
     * One find of the existing ones, then one bulk write of upserts that keeps their users and creation time; the
     * province the enterprise counts under is derived from its region.
     */
    private static int saveAll(MongoCollection<Document> enterprises, List<EnterpriseProfile> batch, String actor) {
        Map<String, Document> existing = new HashMap<>();
        enterprises.find(Filters.in("_id", batch.stream().map(EnterpriseProfile::creditCode).toList()))
                .projection(Projections.include("members", "createdAt"))
                .forEach(doc -> existing.put(doc.getString("_id"), doc));
        Date now = new Date();
        List<ReplaceOneModel<Document>> writes = new ArrayList<>();
        for (EnterpriseProfile profile : batch) {
            Document before = existing.get(profile.creditCode());
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", profile.creditCode()), toDocument(profile)
                    .append("provinceCode", ReferenceData.get().region(profile.regionCode())
                            .map(Region::provinceCode).orElse(profile.regionCode()))
                    .append("members", before == null ? List.of() : before.getList("members", String.class, List.of()))
                    .append("createdAt", before == null ? now : before.getDate("createdAt"))
                    .append("updatedAt", now).append("updatedBy", actor), new ReplaceOptions().upsert(true)));
        }
        enterprises.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        return batch.size() - existing.size();
    }

    /** Makes {@code username} a user of the enterprise (and of no other). */
    public void addMember(String creditCode, String username) {
        MongoDatabase database = tenant();
        database.getCollection(MEMBERS).replaceOne(Filters.eq("_id", username),
                new Document("_id", username).append("enterprise", creditCode), new ReplaceOptions().upsert(true));
        database.getCollection(ENTERPRISES).updateOne(Filters.eq("_id", creditCode),
                new Document("$addToSet", new Document("members", username)));
    }

    public Optional<String> enterpriseOf(String username) {
        return Optional.ofNullable(tenant().getCollection(MEMBERS).find(Filters.eq("_id", username)).first())
                .map(doc -> doc.getString("enterprise"));
    }

    public Optional<StoredEnterprise> find(String creditCode) {
        return Optional.ofNullable(tenant().getCollection(ENTERPRISES).find(Filters.eq("_id", creditCode)).first())
                .map(MongoEnterprises::fromDocument);
    }

    /** The filters an operator's list may use; null or empty means any. */
    public record Filter(String text, String provinceOrRegion, String branch, String recognition) {
    }

    public long count(Filter filter) {
        return tenant().getCollection(ENTERPRISES).countDocuments(bson(filter));
    }

    public List<StoredEnterprise> page(Filter filter, int page, int size) {
        List<StoredEnterprise> result = new ArrayList<>();
        tenant().getCollection(ENTERPRISES).find(bson(filter)).sort(Sorts.ascending("name")).skip(page * size)
                .limit(size).forEach(doc -> result.add(fromDocument(doc)));
        return result;
    }

    /** Every enterprise of {@code tenant}, for matching. */
    public void forEach(TenantId tenant, Consumer<StoredEnterprise> action) {
        Scans.forEach(databases.forTenant(tenant).getCollection(ENTERPRISES), new Document(), new Document(),
                doc -> action.accept(fromDocument(doc)));
    }

    public Optional<StoredEnterprise> find(TenantId tenant, String creditCode) {
        return Optional.ofNullable(databases.forTenant(tenant).getCollection(ENTERPRISES)
                .find(Filters.eq("_id", creditCode)).first()).map(MongoEnterprises::fromDocument);
    }

    private static Bson bson(Filter filter) {
        List<Bson> parts = new ArrayList<>();
        if (filter.text() != null && !filter.text().isBlank()) {
            Pattern contains = Pattern.compile(Pattern.quote(filter.text().strip()));
            parts.add(Filters.or(Filters.regex("name", contains), Filters.regex("products", contains),
                    Filters.regex("keywords", contains), Filters.eq("_id", filter.text().strip().toUpperCase())));
        }
        if (filter.provinceOrRegion() != null && !filter.provinceOrRegion().isBlank()) {
            String region = filter.provinceOrRegion().strip();
            parts.add(Filters.or(Filters.eq("regionCode", region), Filters.eq("provinceCode", region)));
        }
        if (filter.branch() != null && !filter.branch().isBlank()) {
            parts.add(Filters.eq("branches", filter.branch().strip()));
        }
        if (filter.recognition() != null && !filter.recognition().isBlank()) {
            parts.add(Filters.eq("recognitions", filter.recognition().strip()));
        }
        return parts.isEmpty() ? new Document() : Filters.and(parts);
    }

    private MongoDatabase tenant() {
        return databases.forCurrentTenant();
    }

    static Document toDocument(EnterpriseProfile profile) {
        return new Document("_id", profile.creditCode()).append("name", profile.name())
                .append("regionCode", profile.regionCode()).append("industryClasses", profile.industryClasses())
                .append("branches", profile.branches()).append("size", profile.size())
                .append("recognitions", profile.recognitions()).append("products", profile.products())
                .append("description", profile.description()).append("keywords", profile.keywords())
                .append("ipcCodes", profile.ipcCodes()).append("contactName", profile.contactName())
                .append("contactPhone", profile.contactPhone());
    }

    static StoredEnterprise fromDocument(Document doc) {
        EnterpriseProfile profile = new EnterpriseProfile(doc.getString("_id"), doc.getString("name"),
                doc.getString("regionCode"), doc.getList("industryClasses", String.class, List.of()),
                doc.getList("branches", String.class, List.of()), doc.getString("size"),
                doc.getList("recognitions", String.class, List.of()), doc.getString("products"),
                doc.getString("description"), doc.getList("keywords", String.class, List.of()),
                doc.getList("ipcCodes", String.class, List.of()), doc.getString("contactName"),
                doc.getString("contactPhone"));
        Date updated = doc.getDate("updatedAt");
        return new StoredEnterprise(profile, doc.getList("members", String.class, List.of()),
                updated == null ? null : updated.toInstant(), doc.getString("updatedBy"));
    }
}
