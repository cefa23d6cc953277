package org.ipop.library;

/**
 * A patent of a tenant's library became available for a deal: admitted by an operator, or marked available again.
 * Fired after the change is stored; matching matches it against the tenant's enterprises.
 */
public record PatentAvailable(String tenantId, String applicationNumber) {
}
