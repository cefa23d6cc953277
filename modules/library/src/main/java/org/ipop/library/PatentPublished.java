package org.ipop.library;

/** A patent of a tenant's library entered the network catalogue (一点发布). */
public record PatentPublished(String tenantId, String applicationNumber) {
}
