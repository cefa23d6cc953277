package org.ipop.audit.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.ipop.audit.AuditEntry;
import org.ipop.kernel.TenantId;
import org.ipop.persistence.Databases;

@ApplicationScoped
public class MongoAuditLog {

    private static final String COLLECTION = "audit";

    private final Databases databases;

    @Inject
    public MongoAuditLog(Databases databases) {
        this.databases = databases;
    }

    /** For CDI's client proxy only. */
    protected MongoAuditLog() {
        this.databases = null;
    }

    public void append(TenantId tenant, AuditEntry entry) {
        databases.forTenant(tenant).getCollection(COLLECTION).insertOne(new Document("_id", entry.id())
                .append("at", Date.from(entry.at()))
                .append("actor", entry.actor())
                .append("action", entry.action())
                .append("subject", entry.subject())
                .append("detail", entry.detail()));
    }

    public List<AuditEntry> newest(int limit) {
        List<AuditEntry> entries = new ArrayList<>();
        current().find().sort(Sorts.descending("at")).limit(limit).forEach(doc -> entries.add(toEntry(doc)));
        return entries;
    }

    public Optional<AuditEntry> find(String id) {
        return Optional.ofNullable(current().find(Filters.eq("_id", id)).first()).map(MongoAuditLog::toEntry);
    }

    private MongoCollection<Document> current() {
        return databases.forCurrentTenant().getCollection(COLLECTION);
    }

    private static AuditEntry toEntry(Document doc) {
        return new AuditEntry(doc.getString("_id"), doc.getDate("at").toInstant(), doc.getString("actor"),
                doc.getString("action"), doc.getString("subject"), doc.getString("detail"));
    }
}
