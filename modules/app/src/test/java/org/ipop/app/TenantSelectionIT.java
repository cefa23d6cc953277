package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.ipop.app.support.Api;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Api.Reply;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.Test;

/** A member of several organizations selects one per request, only among its own; no claim means no tenant. */
class TenantSelectionIT extends PlatformIT {

    @Test
    void a_member_of_two_organizations_must_select_one() {
        Reply reply = Api.get("/api/tenant", Tokens.withAllOrganizations("multi-operator"));
        assertEquals(403, reply.status());
        AccessControlIT.assertProblem(reply, "urn:ipop:problem:no-tenant");
        assertTrue(reply.json().getString("detail").contains("X-IPOP-Tenant"));

        JsonObject me = Api.get("/api/me", Tokens.withAllOrganizations("multi-operator")).json();
        assertTrue(me.isNull("activeTenant"));
        List<String> choices = me.getJsonArray("tenants").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("id")).sorted().toList();
        assertEquals(List.of("hubei", "wuhan"), choices);
    }

    @Test
    void the_selected_organization_is_the_tenant_of_the_request() {
        String token = Tokens.withAllOrganizations("multi-operator");
        assertEquals("hubei", Api.get("/api/tenant", token, "hubei").json().getString("id"));
        assertEquals("wuhan", Api.get("/api/tenant", token, "wuhan").json().getString("id"));
        assertEquals("wuhan", Api.get("/api/me", token, "wuhan").json().getJsonObject("activeTenant")
                .getString("id"));
    }

    @Test
    void a_third_organization_cannot_be_selected() {
        Reply reply = Api.get("/api/tenant", Tokens.withAllOrganizations("multi-operator"), "hydrogen");
        assertEquals(403, reply.status());
        AccessControlIT.assertProblem(reply, "urn:ipop:problem:tenant-refused");
    }

    @Test
    void a_token_without_the_organization_claim_has_no_tenant() {
        // Without organization:* Keycloak leaves the claim out for a member of several organizations.
        String token = Tokens.of("multi-operator");
        Reply reply = Api.get("/api/audit", token);
        assertEquals(403, reply.status());
        AccessControlIT.assertProblem(reply, "urn:ipop:problem:no-tenant");
        assertEquals(403, Api.get("/api/tenant", token, "hubei").status(),
                "a header cannot stand in for the claim");
    }
}
