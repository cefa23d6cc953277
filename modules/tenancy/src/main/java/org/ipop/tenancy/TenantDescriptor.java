package org.ipop.tenancy;

import java.util.List;
import org.ipop.kernel.TenantId;

/**
 * Everything the platform needs to know to run a tenant: its names, kind, region (6-digit administrative code),
 * focus industries (SEI 2021 branch codes), the capability modules it has switched on, whom to contact, its
 * branding, and its first administrator. Built only through {@link TenantDescriptors#parse}, which validates it.
 */
public record TenantDescriptor(TenantId id, Names names, TenantKind kind, String regionCode,
        List<String> focusIndustries, List<String> enabledModules, Contact contact, Branding branding,
        Administrator administrator) {

    public TenantDescriptor {
        focusIndustries = List.copyOf(focusIndustries);
        enabledModules = List.copyOf(enabledModules);
    }

    public record Names(String zh, String en) {
    }

    public record Contact(String name, String email, String phone) {
    }

    public record Branding(String primaryColor) {
    }

    /** The tenant's first tenant-admin, created in Keycloak by provisioning. */
    public record Administrator(String username, String email, String name) {
    }

    public TenantDescriptor withProfile(Contact newContact, Branding newBranding) {
        return new TenantDescriptor(id, names, kind, regionCode, focusIndustries, enabledModules, newContact,
                newBranding, administrator);
    }
}
