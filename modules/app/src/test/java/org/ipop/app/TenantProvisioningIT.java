package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.ipop.app.support.Api;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Api.Reply;
import org.ipop.app.support.KeycloakAdmin;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A platform administrator creates a tenant at run time: its organization and administrator appear in the real
 * Keycloak; provisioning it again changes nothing there.
 */
class TenantProvisioningIT extends PlatformIT {

    @Test
    void a_new_tenant_gets_its_organization_and_administrator_and_a_second_run_changes_nothing() {
        String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = id + "-admin";
        String platformAdmin = Tokens.of("platform-admin");

        Reply created = Api.sendJson("POST", "/api/tenants", platformAdmin, null, descriptor(id, admin));
        assertEquals(201, created.status(), created.body());
        JsonObject registration = created.json();
        assertTrue(registration.getBoolean("provisioned"));
        assertEquals(16, registration.getString("administratorTemporaryPassword").length());
        assertEquals(List.of("created organization " + id, "created user " + admin,
                "granted tenant-admin to " + admin, "added " + admin + " to organization " + id),
                registration.getJsonArray("provisioningChanges").getValuesAs(jakarta.json.JsonString.class)
                        .stream().map(jakarta.json.JsonString::getString).toList());

        KeycloakAdmin keycloak = new KeycloakAdmin();
        assertKeycloakHoldsExactlyOne(keycloak, id, admin);

        Reply again = Api.call("POST", "/api/tenants/" + id + "/provisioning", platformAdmin, null, null, null);
        assertEquals(200, again.status(), again.body());
        assertEquals(0, again.json().getJsonArray("changes").size(), again.body());
        assertKeycloakHoldsExactlyOne(keycloak, id, admin);

        assertTrue(Api.get("/api/network/tenants", null).body().contains("\"" + id + "\""),
                "the new tenant is part of the network at once");
        assertEquals(409, Api.sendJson("POST", "/api/tenants", platformAdmin, null, descriptor(id, admin)).status());
        // Another id with the same Chinese name: Keycloak would refuse its organization, so the platform refuses it.
        String namesake = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Reply sameName = Api.sendJson("POST", "/api/tenants", platformAdmin, null,
                descriptor(namesake, namesake + "-admin").replace("（测试 " + namesake + "）", "（测试 " + id + "）"));
        assertEquals(409, sameName.status(), sameName.body());
        assertTrue(sameName.body().contains("'" + id + "'"), sameName.body());
        assertEquals(404, Api.get("/api/tenants/" + namesake, platformAdmin).status(), "nothing registered");
    }

    @Test
    void a_tenant_whose_organization_keycloak_refuses_is_told_so_not_that_keycloak_is_unreachable() {
        String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String platformAdmin = Tokens.of("platform-admin");
        // A name taken outside the platform: no tenant has it, so registration accepts it, but Keycloak refuses a
        // second organization of that name.
        String name = "外部机构（测试 " + id + "）";
        new KeycloakAdmin().createOrganization("outside-" + id, name);

        Reply registered = Api.sendJson("POST", "/api/tenants", platformAdmin, null,
                descriptor(id, id + "-admin").replace("宜昌市知识产权运营中心（测试 " + id + "）", name));
        assertEquals(202, registered.status(), registered.body());
        String pending = registered.json().getString("provisioningPending");
        assertTrue(pending.contains("refused") && pending.contains("409"), pending);
        assertTrue(pending.contains("/api/tenants/" + id + "/provisioning"), pending);

        Reply again = Api.call("POST", "/api/tenants/" + id + "/provisioning", platformAdmin, null, null, null);
        assertEquals(409, again.status(), again.body());
        assertTrue(again.body().contains("refused"), again.body());
    }

    @Test
    void the_demo_tenants_from_the_descriptor_files_are_in_keycloak() {
        KeycloakAdmin keycloak = new KeycloakAdmin();
        for (String tenant : List.of("hubei", "wuhan", "hydrogen")) {
            String organizationId = keycloak.organization(tenant).orElseThrow().getString("id");
            assertTrue(keycloak.memberUsernames(organizationId).contains(tenant + "-admin"), tenant);
            Reply run = Api.call("POST", "/api/tenants/" + tenant + "/provisioning", Tokens.of("platform-admin"),
                    null, null, null);
            assertEquals(0, run.json().getJsonArray("changes").size(), run.body());
        }
    }

    @Test
    void an_invalid_descriptor_is_refused_field_by_field_and_creates_nothing() {
        String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String invalid = descriptor(id, id + "-admin").replace("\"420500\"", "\"429999\"")
                .replace("\"3.3\"", "\"3.9\"");
        Reply refused = Api.sendJson("POST", "/api/tenants", Tokens.of("platform-admin"), null, invalid);
        assertEquals(400, refused.status());
        AccessControlIT.assertProblem(refused, "urn:ipop:problem:validation");
        List<String> fields = refused.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
        assertEquals(List.of("regionCode", "focusIndustries[0]"), fields);
        assertTrue(new KeycloakAdmin().organization(id).isEmpty());
        assertFalse(Api.get("/api/network/tenants", null).body().contains(id));
    }

    @Test
    void only_a_platform_administrator_creates_tenants() {
        String id = "it-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(403, Api.sendJson("POST", "/api/tenants", Tokens.of("hubei-admin"), null,
                descriptor(id, id + "-admin")).status());
        assertTrue(new KeycloakAdmin().organization(id).isEmpty());
    }

    private static void assertKeycloakHoldsExactlyOne(KeycloakAdmin keycloak, String id, String admin) {
        List<JsonObject> organizations = keycloak.organizationsWithAlias(id);
        assertEquals(1, organizations.size());
        List<JsonObject> users = keycloak.usersNamed(admin);
        assertEquals(1, users.size());
        assertTrue(keycloak.realmRolesOf(users.get(0).getString("id")).contains("tenant-admin"));
        assertEquals(List.of(admin), keycloak.memberUsernames(organizations.get(0).getString("id")));
    }

    private static String descriptor(String id, String admin) {
        return """
                {"id": "%s", "names": {"zh": "宜昌市知识产权运营中心（测试 %s）", "en": "Yichang IP Operation Centre (test)"},
                 "kind": "regional", "regionCode": "420500", "focusIndustries": ["3.3"],
                 "enabledModules": ["resource-library"],
                 "contact": {"name": "宜昌中心", "email": "ops@%s.example.cn"},
                 "administrator": {"username": "%s", "email": "%s@example.cn", "name": "宜昌管理员"}}
                """.formatted(id, id, id, admin, admin); // Keycloak keeps organization names unique, across runs too
    }
}
