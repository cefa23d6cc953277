package org.ipop.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ipop.kernel.TenantId;

/**
 * Which tenant a request acts for, decided from the organizations in the token (the {@code organization} claim)
 * and the tenant the client asked for (the {@code X-IPOP-Tenant} header). The rules:
 * <ul>
 * <li>a requested tenant must be one of the token's organizations, or the request is refused;</li>
 * <li>without a request, a token with exactly one organization selects it;</li>
 * <li>a token with several organizations and no request selects none: the user must choose;</li>
 * <li>a token with no organization has no tenant (platform administrators and citizens);</li>
 * <li>an organization that is not a tenant of this platform is never selected.</li>
 * </ul>
 */
public sealed interface TenantSelection {

    /** The request acts for this tenant. */
    record Selected(TenantId tenant) implements TenantSelection {
    }

    /** The request acts for no tenant; {@code reason} tells the user what to do. Tenant endpoints refuse it. */
    record None(String reason, List<String> choices) implements TenantSelection {
    }

    /** The client asked for a tenant it may not act for: the request is refused outright. */
    record Refused(String reason) implements TenantSelection {
    }

    static TenantSelection decide(Set<String> organizations, Optional<String> requested, Set<TenantId> tenants) {
        Set<String> memberships = new TreeSet<>();
        organizations.stream().filter(TenantId::isValid).filter(alias -> tenants.contains(TenantId.of(alias)))
                .forEach(memberships::add);
        if (requested.isPresent()) {
            String wanted = requested.get();
            if (memberships.contains(wanted)) {
                return new Selected(TenantId.of(wanted));
            }
            return new Refused("You are not a member of the tenant '" + wanted + "'.");
        }
        if (memberships.size() == 1) {
            return new Selected(TenantId.of(memberships.iterator().next()));
        }
        if (memberships.isEmpty()) {
            return new None("Your account belongs to no operation centre.", List.of());
        }
        return new None("You belong to several operation centres: select one with the X-IPOP-Tenant header.",
                List.copyOf(memberships));
    }

    default Optional<TenantId> selectedTenant() {
        return this instanceof Selected selected ? Optional.of(selected.tenant()) : Optional.empty();
    }
}
