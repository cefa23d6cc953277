package org.ipop.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganizationClaimTest {

    @Test
    void reads_the_list_form_of_the_claim() {
        assertEquals(Set.of("hubei", "wuhan"),
                TenantFilter.organizations(Json.createArrayBuilder().add("hubei").add("wuhan").build()));
    }

    @Test
    void reads_the_map_form_keycloak_writes_when_ids_or_attributes_are_added() {
        assertEquals(Set.of("hubei"), TenantFilter.organizations(Json.createObjectBuilder()
                .add("hubei", Json.createObjectBuilder().add("id", "0b5e")).build()));
    }

    @Test
    void no_claim_is_no_organization() {
        assertEquals(Set.of(), TenantFilter.organizations(null));
    }
}
