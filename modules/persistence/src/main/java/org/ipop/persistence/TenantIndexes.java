package org.ipop.persistence;

import com.mongodb.client.MongoDatabase;

/**
 * A module's indexes in each tenant database, created when the database is first used in a process. Only unique
 * indexes are worth declaring: the embedded server ignores the others (see platform notes), so lookups that need
 * speed use a unique key or the search index. Implementations must be idempotent.
 */
public interface TenantIndexes {

    void ensureIn(MongoDatabase tenantDatabase);
}
