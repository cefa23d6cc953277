package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.ipop.app.support.Api;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Api.Reply;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.Test;

/** Who may call what: tokens are verified locally (issuer, signature, audience), roles are enforced. */
class AccessControlIT extends PlatformIT {

    @Test
    void without_a_token_tenant_and_admin_endpoints_answer_401_problem_details() {
        for (String path : List.of("/api/me", "/api/tenant", "/api/tenants", "/api/audit")) {
            Reply reply = Api.get(path, null);
            assertEquals(401, reply.status(), path);
            assertProblem(reply, "urn:ipop:problem:unauthenticated");
        }
    }

    @Test
    void a_role_that_does_not_fit_is_refused_with_403() {
        Reply operatorListsTenants = Api.get("/api/tenants", Tokens.of("hubei-operator"));
        assertEquals(403, operatorListsTenants.status());
        assertProblem(operatorListsTenants, "urn:ipop:problem:forbidden");

        Reply operatorEditsProfile = Api.sendJson("PUT", "/api/tenant/profile", Tokens.of("hubei-operator"), null,
                "{\"contact\":{\"name\":\"x\",\"email\":\"x@example.cn\"}}");
        assertEquals(403, operatorEditsProfile.status());

        assertEquals(403, Api.get("/api/tenant", Tokens.of("citizen")).status());
    }

    @Test
    void the_platform_administrator_sees_every_tenant() {
        Reply reply = Api.get("/api/tenants", Tokens.of("platform-admin"));
        assertEquals(200, reply.status());
        List<String> ids = reply.array().stream().map(v -> v.asJsonObject().getJsonObject("tenant").getString("id"))
                .toList();
        assertTrue(ids.containsAll(List.of("hubei", "wuhan", "hydrogen")), ids.toString());
    }

    @Test
    void me_names_the_platform_roles_and_tenants_of_the_caller() {
        jakarta.json.JsonObject operator = Api.get("/api/me", Tokens.of("hubei-operator")).json();
        assertEquals("hubei-operator", operator.getString("username"));
        assertEquals(List.of("operator"), operator.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("hubei", operator.getJsonObject("activeTenant").getString("id"));

        jakarta.json.JsonObject platformAdmin = Api.get("/api/me", Tokens.of("platform-admin")).json();
        assertTrue(platformAdmin.isNull("activeTenant"), "a platform administrator acts for no tenant");
        assertEquals(0, platformAdmin.getJsonArray("tenants").size());
    }

    @Test
    void a_token_from_another_realm_is_rejected_even_with_the_right_role_names() {
        String intruder = Tokens.of("other", "intruder", Tokens.DEMO_PASSWORD, null);
        Reply reply = Api.get("/api/tenants", intruder);
        assertEquals(401, reply.status());
        assertProblem(reply, "urn:ipop:problem:unauthenticated");
    }

    @Test
    void a_token_whose_claims_were_changed_after_signing_is_rejected() {
        String[] parts = Tokens.of("hubei-operator").split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"operator\"", "\"platform-admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(401, Api.get("/api/tenants", forged).status());
        assertEquals(401, Api.get("/api/me", forged).status());
    }

    @Test
    void a_token_with_a_broken_signature_is_rejected() {
        String token = Tokens.of("hubei-admin");
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x5a;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(signature);
        assertEquals(200, Api.get("/api/tenant", token).status(), "the untouched token works");
        assertEquals(401, Api.get("/api/tenant", tampered).status());
    }

    static void assertProblem(Reply reply, String type) {
        assertTrue(reply.isProblem(), "content type " + reply.contentType());
        assertEquals(type, reply.json().getString("type"));
        assertEquals(reply.status(), reply.json().getInt("status"));
        assertTrue(reply.json().containsKey("title"));
    }
}
