package org.ipop.persistence;

import com.mongodb.client.MongoDatabase;

/** A module's indexes in the network database; see {@link TenantIndexes}. */
public interface NetworkIndexes {

    void ensureIn(MongoDatabase networkDatabase);
}
