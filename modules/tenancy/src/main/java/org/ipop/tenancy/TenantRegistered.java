package org.ipop.tenancy;

/** A platform administrator created a tenant at run time; provisioning creates its organization and admin. */
public record TenantRegistered(String tenantId) {
}
