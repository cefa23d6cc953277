package org.ipop.library;

/** A patent left the network catalogue. */
public record PatentWithdrawn(String tenantId, String applicationNumber) {
}
