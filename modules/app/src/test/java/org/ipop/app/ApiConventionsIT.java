package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.ipop.app.support.Api;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Api.Reply;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.Test;

/** Every failure is problem details without internals; health and the OpenAPI document are served. */
class ApiConventionsIT extends PlatformIT {

    @Test
    void http_failures_are_problem_details() {
        assertFailure(Api.get("/api/no-such-thing", null), 404, "urn:ipop:problem:not-found");
        assertFailure(Api.call("DELETE", "/api/network/tenants", null, null, null, null), 405,
                "urn:ipop:problem:method-not-allowed");
        assertFailure(Api.call("PUT", "/api/tenant/profile", Tokens.of("hubei-admin"), null, "text/plain", "x"), 415,
                "urn:ipop:problem:unsupported-media-type");
        assertFailure(Api.sendJson("PUT", "/api/tenant/profile", Tokens.of("hubei-admin"), null, "{\"contact\":"),
                400, "urn:ipop:problem:malformed-json");
    }

    @Test
    void validation_failures_list_every_refused_field() {
        Reply reply = Api.sendJson("PUT", "/api/tenant/profile", Tokens.of("hubei-admin"), null,
                "{\"contact\":{\"name\":\"\",\"email\":\"not-an-address\"},\"branding\":{\"primaryColor\":\"red\"}}");
        assertFailure(reply, 400, "urn:ipop:problem:validation");
        List<String> fields = reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
        assertEquals(List.of("contact.name", "contact.email", "branding.primaryColor"), fields);
    }

    @Test
    void readiness_covers_mongodb_and_the_realms_key_set() {
        Reply ready = Api.get("/health/ready", null);
        assertEquals(200, ready.status(), ready.body());
        List<String> checks = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> "UP".equals(check.getString("status"))).map(check -> check.getString("name"))
                .toList();
        assertTrue(checks.containsAll(List.of("mongodb", "keycloak-keys")), checks.toString());
    }

    @Test
    void the_openapi_document_describes_the_api() {
        Reply document = Api.get("/openapi", null);
        assertEquals(200, document.status());
        assertTrue(document.body().contains("/api/tenants"), "tenant administration is documented");
        assertTrue(document.body().contains("/api/me"));
        assertEquals(200, Api.get("/openapi/ui/", null).status());
    }

    @Test
    void the_public_network_listing_needs_no_login() {
        Reply reply = Api.get("/api/network/tenants", null);
        assertEquals(200, reply.status());
        JsonObject hydrogen = reply.array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("id").equals("hydrogen")).findFirst().orElseThrow();
        assertEquals("industry", hydrogen.getString("kind"));
        assertEquals("佛山市", hydrogen.getString("regionName"));
        assertFalse(hydrogen.containsKey("contact"), "contact persons are not public");
    }

    private static void assertFailure(Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply.body());
        AccessControlIT.assertProblem(reply, type);
        assertFalse(reply.body().contains("Exception"), "no exception names: " + reply.body());
        assertFalse(reply.body().contains("at org."), "no stack trace: " + reply.body());
    }
}
