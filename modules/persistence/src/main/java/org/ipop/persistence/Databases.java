package org.ipop.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ipop.kernel.CurrentTenant;
import org.ipop.kernel.TenantId;

/**
 * Hands out databases: the current tenant's, a named tenant's (for background work that carries the tenant id),
 * and the network database. No other code calls {@code MongoClient.getDatabase}: tenant isolation rests on this.
 *
 * <p>A tenant's database is prepared (its collections' indexes created) the first time it is handed out in this
 * process, so a tenant created at run time needs no restart.
 */
@ApplicationScoped
public class Databases {

    static final String NETWORK_DATABASE = "ipop_network";
    static final String TENANT_DATABASE_PREFIX = "ipop_t_";

    private final MongoClient client;
    private final CurrentTenant currentTenant;
    private final Instance<TenantIndexes> tenantIndexes;
    private final Instance<NetworkIndexes> networkIndexes;
    private final Set<TenantId> prepared = ConcurrentHashMap.newKeySet();
    private volatile boolean networkPrepared;

    @Inject
    public Databases(MongoClient client, CurrentTenant currentTenant, Instance<TenantIndexes> tenantIndexes,
            Instance<NetworkIndexes> networkIndexes) {
        this.client = client;
        this.currentTenant = currentTenant;
        this.tenantIndexes = tenantIndexes;
        this.networkIndexes = networkIndexes;
    }

    /** For CDI's client proxy only. */
    protected Databases() {
        this(null, null, null, null);
    }

    /** The database of the tenant the current request or job acts for; fails closed when there is none. */
    public MongoDatabase forCurrentTenant() {
        return forTenant(currentTenant.require());
    }

    /** A named tenant's database, for work that carries its tenant id explicitly (jobs, event listeners). */
    public MongoDatabase forTenant(TenantId tenant) {
        MongoDatabase database = client.getDatabase(databaseName(tenant));
        if (prepared.add(tenant)) {
            try {
                tenantIndexes.forEach(indexes -> indexes.ensureIn(database));
            } catch (RuntimeException e) {
                prepared.remove(tenant);
                throw e;
            }
        }
        return database;
    }

    /** The network database: what tenants publish for each other, each document naming its owning tenant. */
    public MongoDatabase network() {
        MongoDatabase database = client.getDatabase(NETWORK_DATABASE);
        if (!networkPrepared) {
            networkIndexes.forEach(indexes -> indexes.ensureIn(database));
            networkPrepared = true;
        }
        return database;
    }

    /** Round trip to the server, for readiness checks. */
    public void ping() {
        client.getDatabase("admin").runCommand(new org.bson.Document("ping", 1));
    }

    static String databaseName(TenantId tenant) {
        return TENANT_DATABASE_PREFIX + tenant.value().replace('-', '_');
    }
}
