package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.ipop.app.support.Api;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Api.Reply;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Tenant A's administrator works with A's data; tenant B's administrator, trying the very same ids and asking for
 * A explicitly, can neither read nor change any of it.
 */
class TenantIsolationIT extends PlatformIT {

    @Test
    void tenant_b_cannot_read_tenant_as_audit_entries_by_their_ids() {
        String hubeiAdmin = Tokens.of("hubei-admin");
        String wuhanAdmin = Tokens.of("wuhan-admin");
        String marker = "isolation-" + UUID.randomUUID().toString().substring(0, 8);
        Reply updated = Api.sendJson("PUT", "/api/tenant/profile", hubeiAdmin, null, profile(marker, "#b22222"));
        assertEquals(200, updated.status(), updated.body());

        JsonObject entry = Api.get("/api/audit?limit=5", hubeiAdmin).array().getJsonObject(0);
        assertEquals("tenant.profile.updated", entry.getString("action"));
        assertEquals("hubei-admin", entry.getString("actor"));
        String id = entry.getString("id");
        assertEquals(200, Api.get("/api/audit/" + id, hubeiAdmin).status());

        Reply sameIdFromWuhan = Api.get("/api/audit/" + id, wuhanAdmin);
        assertEquals(404, sameIdFromWuhan.status());
        AccessControlIT.assertProblem(sameIdFromWuhan, "urn:ipop:problem:not-found");
        assertFalse(Api.get("/api/audit?limit=500", wuhanAdmin).body().contains(id));

        Reply askingForHubei = Api.get("/api/audit/" + id, wuhanAdmin, "hubei");
        assertEquals(403, askingForHubei.status());
        AccessControlIT.assertProblem(askingForHubei, "urn:ipop:problem:tenant-refused");
    }

    @Test
    void tenant_b_cannot_change_tenant_as_profile() {
        String hubeiAdmin = Tokens.of("hubei-admin");
        String wuhanAdmin = Tokens.of("wuhan-admin");
        String hubeiBefore = Api.get("/api/tenant", hubeiAdmin).json().getJsonObject("contact").getString("email");

        Reply forced = Api.sendJson("PUT", "/api/tenant/profile", wuhanAdmin, "hubei", profile("takeover", "#000000"));
        assertEquals(403, forced.status());
        assertEquals(hubeiBefore, Api.get("/api/tenant", hubeiAdmin).json().getJsonObject("contact")
                .getString("email"), "hubei's profile is unchanged");

        Reply own = Api.sendJson("PUT", "/api/tenant/profile", wuhanAdmin, null, profile("wuhan-own", "#1f5fa8"));
        assertEquals(200, own.status(), own.body());
        assertEquals("wuhan", own.json().getString("id"), "without a header, B's request acts for B only");
        assertNotEquals("wuhan-own@example.cn", Api.get("/api/tenant", hubeiAdmin).json()
                .getJsonObject("contact").getString("email"));
    }

    @Test
    void each_tenant_reads_its_own_profile() {
        assertEquals("hubei", Api.get("/api/tenant", Tokens.of("hubei-operator")).json().getString("id"));
        assertEquals("hydrogen", Api.get("/api/tenant", Tokens.of("hydrogen-alliance")).json().getString("id"));
        assertEquals("湖北省", Api.get("/api/tenant", Tokens.of("hubei-tto")).json().getString("regionName"));
    }

    private static String profile(String marker, String color) {
        return "{\"contact\":{\"name\":\"联系人 " + marker + "\",\"email\":\"" + marker + "@example.cn\","
                + "\"phone\":\"027-0000\"},\"branding\":{\"primaryColor\":\"" + color + "\"}}";
    }
}
