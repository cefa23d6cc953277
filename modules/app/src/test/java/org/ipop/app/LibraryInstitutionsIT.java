package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ipop.app.support.Api;
import org.ipop.app.support.Api.Reply;
import org.ipop.app.support.Inventories;
import org.ipop.app.support.Memberships;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A patent's owning institution is a registered member of the tenant, and a technology-transfer office acts only for
 * the institutions it is a member of: it imports, sees and self-assesses their patents and nothing else of the
 * library; operators see everything and manage the memberships; another tenant sees none of it.
 */
class LibraryInstitutionsIT extends PlatformIT {

    private static final String SELF_ASSESSMENT = "{\"prospect\":\"GOOD\",\"notes\":\"可转化\",\"intendedMode\":\"LICENCE\"}";

    @Test
    void a_tto_sees_imports_and_assesses_only_the_patents_of_its_own_institutions() {
        String institution = "隔离测试大学" + System.nanoTime();
        String operator = Tokens.of("hubei-operator");
        String number = Inventories.newApplicationNumber();
        String title = "一种隔离测试用储氢阀门" + number.substring(2, 14);
        JsonObject job = Inventories.importAndWait(operator, institution, "one.csv",
                (Inventories.HEADER + "\n" + Inventories.row(number, title)).getBytes(StandardCharsets.UTF_8)).json();
        assertEquals(1, job.getInt("created"), job.toString());

        // The operator's first import registered the institution, its type inferred from the name.
        JsonObject registered = institutions(operator).stream()
                .filter(i -> i.getString("name").equals(institution)).findFirst().orElseThrow();
        assertEquals("UNIVERSITY", registered.getString("type"));
        assertEquals(List.of(), registered.getJsonArray("members"));

        Memberships.ensure("hubei-operator", "hubei-tto", "华中科技大学");
        String tto = Tokens.of("hubei-tto");
        assertFalse(institutions(tto).stream().anyMatch(i -> i.getString("name").equals(institution)));
        assertEquals(404, Api.get("/api/library/patents/" + number, tto).status());
        assertEquals(0, total("/api/library/patents?institution=" + url(institution), tto));
        assertEquals(0, total("/api/library/patents?q=" + url(title), tto), "a search sees no other institution");
        assertEquals(1, total("/api/library/patents?q=" + url(title), operator));
        assertEquals(404, Api.sendJson("PUT", "/api/library/patents/" + number + "/self-assessment", tto, null,
                SELF_ASSESSMENT).status());
        assertEquals(404, Api.get("/api/library/imports/" + job.getString("id"), tto).status());
        assertEquals(404, Api.get("/api/library/imports/" + job.getString("id") + "/errors", tto).status());
        assertFalse(Api.get("/api/library/imports", tto).body().contains(job.getString("id")));
        Reply foreignImport = Api.call("POST", "/api/library/imports?fileName=x.csv&institution=" + url(institution),
                tto, null, "text/csv", Inventories.HEADER + "\n" + Inventories.row(Inventories.newApplicationNumber(),
                        "一种储氢罐"));
        assertEquals(403, foreignImport.status(), foreignImport.body());
        AccessControlIT.assertProblem(foreignImport, "urn:ipop:problem:forbidden");
        assertTrue(foreignImport.json().getString("detail").contains(institution), foreignImport.body());

        // Made a member, the office sees and assesses the patent; removed, it no longer does.
        Memberships.ensure("hubei-operator", "hubei-tto", institution);
        assertEquals(200, Api.get("/api/library/patents/" + number, tto).status());
        assertEquals(1, total("/api/library/patents?q=" + url(title), tto));
        Reply assessed = Api.sendJson("PUT", "/api/library/patents/" + number + "/self-assessment", tto, null,
                SELF_ASSESSMENT);
        assertEquals("SELF_ASSESSED", assessed.json().getString("status"), assessed.body());
        Reply removed = Api.call("DELETE", "/api/library/institutions/" + Memberships.path(institution)
                + "/members/hubei-tto", operator, null, null, null);
        assertEquals(200, removed.status(), removed.body());
        assertEquals(404, Api.get("/api/library/patents/" + number, tto).status());
        assertTrue(Api.get("/api/audit?limit=50", Tokens.of("hubei-admin")).body()
                .contains("library.institution.member-removed"));
    }

    @Test
    void a_tto_that_acts_for_no_institution_can_neither_import_nor_see_anything() {
        // Other tests make the 氢能 centre's office a member of an institution: take it out of every one.
        String operator = Tokens.of("hydrogen-operator");
        for (JsonObject institution : institutions(operator)) {
            if (institution.getJsonArray("members").toString().contains("\"hydrogen-tto\"")) {
                assertEquals(200, Api.call("DELETE", "/api/library/institutions/"
                        + Memberships.path(institution.getString("name")) + "/members/hydrogen-tto", operator, null,
                        null, null).status());
            }
        }
        String tto = Tokens.of("hydrogen-tto");
        Reply refused = Api.call("POST", "/api/library/imports?fileName=x.csv", tto, null, "text/csv",
                Inventories.HEADER + "\n" + Inventories.row(Inventories.newApplicationNumber(), "一种储氢罐"));
        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.json().getString("detail").contains("尚未关联任何机构"), refused.body());
        assertEquals(0, total("/api/library/patents", tto));
        assertEquals(List.of(), institutions(tto));
    }

    @Test
    void only_operators_manage_institutions_and_input_is_checked() {
        String operator = Tokens.of("hubei-operator");
        String name = "登记测试研究所" + System.nanoTime();
        Reply created = Api.sendJson("POST", "/api/library/institutions", operator, null,
                "{\"name\":\"" + name + "\",\"type\":\"RESEARCH_INSTITUTE\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("科研单位", created.json().getString("typeChinese"));
        assertEquals(409, Api.sendJson("POST", "/api/library/institutions", operator, null,
                "{\"name\":\"" + name + "\"}").status());
        Reply blank = Api.sendJson("POST", "/api/library/institutions", operator, null, "{\"name\":\"  \"}");
        assertEquals(400, blank.status());
        AccessControlIT.assertProblem(blank, "urn:ipop:problem:validation");
        assertEquals(400, Api.sendJson("POST", "/api/library/institutions", operator, null,
                "{\"name\":\"某大学X\",\"type\":\"SCHOOL\"}").status());
        assertEquals(400, Api.call("PUT", "/api/library/institutions/" + Memberships.path(name) + "/members/"
                + url("bad user!"), operator, null, null, null).status());
        assertEquals(404, Api.call("PUT", "/api/library/institutions/" + Memberships.path("未登记机构" + name)
                + "/members/hubei-tto", operator, null, null, null).status());
        assertEquals(403, Api.sendJson("POST", "/api/library/institutions", Tokens.of("hubei-tto"), null,
                "{\"name\":\"自封大学\"}").status());
        assertEquals(403, Api.get("/api/library/institutions", Tokens.of("hubei-enterprise")).status());
    }

    @Test
    void another_tenant_neither_sees_nor_changes_a_tenants_institutions() {
        String name = "租户隔离大学" + System.nanoTime();
        assertEquals(201, Api.sendJson("POST", "/api/library/institutions", Tokens.of("hubei-operator"), null,
                "{\"name\":\"" + name + "\"}").status());
        String wuhan = Tokens.of("wuhan-operator");
        assertFalse(institutions(wuhan).stream().anyMatch(i -> i.getString("name").equals(name)));
        assertEquals(404, Api.call("PUT", "/api/library/institutions/" + Memberships.path(name)
                + "/members/wuhan-tto", wuhan, null, null, null).status());
        assertEquals(404, Api.call("DELETE", "/api/library/institutions/" + Memberships.path(name)
                + "/members/hubei-tto", wuhan, null, null, null).status());
        assertTrue(institutions(Tokens.of("hubei-operator")).stream().filter(i -> i.getString("name").equals(name))
                .findFirst().orElseThrow().getJsonArray("members").isEmpty());
    }

    private static List<JsonObject> institutions(String token) {
        Reply reply = Api.get("/api/library/institutions", token);
        assertEquals(200, reply.status(), reply.body());
        return reply.array().getValuesAs(JsonObject.class);
    }

    private static long total(String path, String token) {
        Reply reply = Api.get(path, token);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonNumber("total").longValue();
    }

    private static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
