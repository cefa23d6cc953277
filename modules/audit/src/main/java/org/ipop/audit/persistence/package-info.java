/** The audit trail's MongoDB collection, {@code audit} in each tenant database. */
package org.ipop.audit.persistence;
