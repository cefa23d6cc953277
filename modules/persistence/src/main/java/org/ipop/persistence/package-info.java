/**
 * Persistence: the one place that holds the MongoDB client and hands out databases. A tenant's data lives in its
 * own database, reached only through {@link org.ipop.persistence.Databases}; what is published across tenants lives
 * in the network database. Without a configured connection string the embedded MongoDB-protocol server runs
 * in-process on a crash-safe file (see {@link org.ipop.persistence.embedded}).
 *
 * <p>The embedded server supports what a real replica set supports minus transactions, {@code $text} and
 * non-unique indexes; code written against this module uses only the common part: one document per state change,
 * events kept in the document's {@link org.ipop.persistence.Outbox}, unique indexes only.
 */
package org.ipop.persistence;
