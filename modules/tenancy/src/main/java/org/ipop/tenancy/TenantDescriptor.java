package org.ipop.tenancy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipop.kernel.TenantId;

/**
 * Everything the platform needs to know to run a tenant: its names, kind, region (6-digit administrative code),
 * focus industries (SEI 2021 branch codes), the capability modules it has switched on, the settings of those
 * modules, whom to contact, its branding, and its first administrator. Built only through
 * {@link TenantDescriptors#parse}, which validates it.
 *
 * @param moduleSettings per module id (one of {@link PlatformModules#ALL}), that module's own settings as the text
 *                       of a JSON object. Tenancy does not know what they mean (platform modules must not depend on
 *                       capability modules): each module reads its own section, and checks it through its
 *                       {@link ModuleSettingsValidator} when the descriptor is loaded or registered.
 */
public record TenantDescriptor(TenantId id, Names names, TenantKind kind, String regionCode,
        List<String> focusIndustries, List<String> enabledModules, Map<String, String> moduleSettings,
        Contact contact, Branding branding, Administrator administrator) {

    public TenantDescriptor {
        focusIndustries = List.copyOf(focusIndustries);
        enabledModules = List.copyOf(enabledModules);
        moduleSettings = Collections.unmodifiableMap(new LinkedHashMap<>(moduleSettings));
    }

    /** The settings section of {@code module} (JSON object text), if the descriptor has one. */
    public Optional<String> settings(String module) {
        return Optional.ofNullable(moduleSettings.get(module));
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
        return new TenantDescriptor(id, names, kind, regionCode, focusIndustries, enabledModules, moduleSettings,
                newContact, newBranding, administrator);
    }
}
