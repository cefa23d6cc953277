package org.ipop.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ipop.kernel.TenantId;
import org.junit.jupiter.api.Test;

class TenantSelectionTest {

    private static final Set<TenantId> TENANTS = Set.of(TenantId.of("hubei"), TenantId.of("wuhan"),
            TenantId.of("hydrogen"));

    @Test
    void a_single_organization_is_the_tenant() {
        assertEquals(new TenantSelection.Selected(TenantId.of("wuhan")),
                TenantSelection.decide(Set.of("wuhan"), Optional.empty(), TENANTS));
    }

    @Test
    void no_organization_means_no_tenant() {
        assertInstanceOf(TenantSelection.None.class, TenantSelection.decide(Set.of(), Optional.empty(), TENANTS));
    }

    @Test
    void several_organizations_without_a_choice_select_none_and_offer_the_choices() {
        TenantSelection selection = TenantSelection.decide(Set.of("wuhan", "hubei"), Optional.empty(), TENANTS);
        assertEquals(List.of("hubei", "wuhan"), assertInstanceOf(TenantSelection.None.class, selection).choices());
    }

    @Test
    void a_choice_among_the_tokens_organizations_is_the_tenant() {
        assertEquals(new TenantSelection.Selected(TenantId.of("hubei")),
                TenantSelection.decide(Set.of("wuhan", "hubei"), Optional.of("hubei"), TENANTS));
    }

    @Test
    void a_choice_outside_the_tokens_organizations_is_refused() {
        assertInstanceOf(TenantSelection.Refused.class,
                TenantSelection.decide(Set.of("wuhan", "hubei"), Optional.of("hydrogen"), TENANTS));
        assertInstanceOf(TenantSelection.Refused.class,
                TenantSelection.decide(Set.of(), Optional.of("hubei"), TENANTS));
    }

    @Test
    void an_organization_that_is_not_a_tenant_is_never_selected() {
        assertInstanceOf(TenantSelection.None.class,
                TenantSelection.decide(Set.of("keycloak-test-org"), Optional.empty(), TENANTS));
        assertInstanceOf(TenantSelection.Refused.class,
                TenantSelection.decide(Set.of("unknown-org"), Optional.of("unknown-org"), TENANTS));
    }
}
