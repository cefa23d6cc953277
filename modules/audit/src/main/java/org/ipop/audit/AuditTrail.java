package org.ipop.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ipop.audit.persistence.MongoAuditLog;
import org.ipop.kernel.NotFound;
import org.ipop.kernel.TenantId;

/** Records and reads a tenant's audit trail. Entries are append-only: there is no update and no delete. */
@ApplicationScoped
public class AuditTrail {

    private final MongoAuditLog log;

    @Inject
    public AuditTrail(MongoAuditLog log) {
        this.log = log;
    }

    /** For CDI's client proxy only. */
    protected AuditTrail() {
        this.log = null;
    }

    /** Records an action in {@code tenant}'s trail (explicit, because platform administrators act without one). */
    public AuditEntry record(TenantId tenant, String actor, String action, String subject, String detail) {
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), Instant.now(), actor, action, subject, detail);
        log.append(tenant, entry);
        return entry;
    }

    /** The current tenant's newest entries, newest first. */
    public List<AuditEntry> recent(int limit) {
        return log.newest(Math.max(1, Math.min(limit, 500)));
    }

    /** One entry of the current tenant's trail; another tenant's entry is not found. */
    public AuditEntry entry(String id) {
        return log.find(id).orElseThrow(() -> new NotFound("audit entry", id));
    }
}
