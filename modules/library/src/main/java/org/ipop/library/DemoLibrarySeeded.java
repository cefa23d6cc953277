package org.ipop.library;

/** The demo data of a tenant's library is in place (fired once per tenant by {@code ./ipop run}'s demo seeding). */
public record DemoLibrarySeeded(String tenantId) {
}
