package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ipop.app.support.Api;
import org.ipop.app.support.Api.Reply;
import org.ipop.app.support.Inventories;
import org.ipop.app.support.Memberships;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Screening (inventoried → self-assessed → reviewed) with its complete history, publishing to the network, and
 * the fence around a tenant's library: another tenant's users can neither read nor change it.
 */
class LibraryScreeningIT extends PlatformIT {

    @BeforeAll
    static void memberships() {
        Memberships.ensure("hubei-operator", "hubei-tto", "华中科技大学");
    }

    @Test
    void a_patent_is_self_assessed_reviewed_and_published_and_every_step_is_in_its_history() {
        String number = importOne("hubei-tto", "一种车载储氢系统");
        String tto = Tokens.of("hubei-tto");
        String operator = Tokens.of("hubei-operator");

        Reply early = Api.sendJson("POST", "/api/library/patents/" + number + "/review", operator, null,
                "{\"outcome\":\"ADMIT\"}");
        assertEquals(409, early.status(), "an inventoried patent is reviewed after its self-assessment");

        Reply assessed = Api.sendJson("PUT", "/api/library/patents/" + number + "/self-assessment", tto, null,
                "{\"prospect\":\"GOOD\",\"notes\":\"已有企业询价\",\"intendedMode\":\"LICENCE\"}");
        assertEquals(200, assessed.status(), assessed.body());
        assertEquals("SELF_ASSESSED", assessed.json().getString("status"));

        Reply noReason = Api.sendJson("POST", "/api/library/patents/" + number + "/review", operator, null,
                "{\"outcome\":\"REJECT\"}");
        assertEquals(400, noReason.status());
        AccessControlIT.assertProblem(noReason, "urn:ipop:problem:validation");

        Reply admitted = Api.sendJson("POST", "/api/library/patents/" + number + "/review", operator, null,
                "{\"outcome\":\"ADMIT\",\"reason\":\"前景良好\"}");
        assertEquals("ADMITTED", admitted.json().getString("status"));

        Reply published = Api.call("POST", "/api/library/patents/" + number + "/publication", operator, null, null,
                null);
        assertTrue(published.json().getBoolean("published"), published.body());

        JsonArray history = Api.get("/api/library/patents/" + number, tto).json().getJsonArray("history");
        assertEquals(List.of("INVENTORIED", "SELF_ASSESSED", "ADMITTED"), history.getValuesAs(JsonObject.class)
                .stream().map(step -> step.getString("to")).toList());
        assertEquals("hubei-tto", history.getJsonObject(1).getString("actor"));
        assertEquals("SELF_ASSESSED", history.getJsonObject(2).getString("from"));
        assertEquals("hubei-operator", history.getJsonObject(2).getString("actor"));
        assertTrue(history.getJsonObject(2).getString("reason").contains("前景良好"));

        JsonObject inCatalogue = catalogueEntry(number);
        assertEquals("hubei", inCatalogue.getString("tenantId"));
        assertFalse(inCatalogue.containsKey("tier") || inCatalogue.containsKey("history")
                || inCatalogue.containsKey("selfAssessment"), "only public fields leave the tenant");

        // Searching the catalogue: the words in any order, words of the abstract, not unrelated words.
        assertTrue(catalogueFinds("储氢 车载", number), "the title's words in another order");
        assertTrue(catalogueFinds("储氢密度", number), "a word of the abstract only");
        assertFalse(catalogueFinds("秸秆粉碎", number), "unrelated words");
        Reply farBeyond = Api.call("GET", "/api/network/patents?page=2147483647&size=100", null, null, null, null);
        assertEquals(200, farBeyond.status(), farBeyond.body());
        assertEquals(0, farBeyond.array().size(), "a page beyond the end is empty");
        Reply tooDeep = Api.call("GET", "/api/network/patents?page=5000&size=100&q=" + LibraryImportIT.url("储氢"), null,
                null, null, null);
        assertEquals(400, tooDeep.status(), tooDeep.body());
        AccessControlIT.assertProblem(tooDeep, "urn:ipop:problem:validation");

        // A re-import that changes a published patent's title changes it in the catalogue, which keeps its place.
        byte[] changed = (Inventories.HEADER + "\n" + Inventories.row(number, "一种车载储氢系统及其加注控制方法"))
                .getBytes(StandardCharsets.UTF_8);
        JsonObject reimport = Inventories.importAndWait(tto, "华中科技大学", "changed.csv", changed).json();
        assertEquals(1, reimport.getInt("updated"), reimport.toString());
        JsonObject republished = catalogueEntry(number);
        assertEquals("一种车载储氢系统及其加注控制方法", republished.getString("title"));
        assertEquals(inCatalogue.getString("publishedAt"), republished.getString("publishedAt"));
        assertTrue(catalogueFinds("加注控制", number), "found by a word of the new title");

        Api.call("DELETE", "/api/library/patents/" + number + "/publication", operator, null, null, null);
        assertTrue(Api.get("/api/network/patents?size=100&q=" + LibraryImportIT.url("一种车载储氢系统"), null).array()
                .getValuesAs(JsonObject.class).stream().noneMatch(p -> p.getString("applicationNumber")
                        .equals(number)), "withdrawn everywhere");
    }

    @Test
    void another_tenant_cannot_read_or_change_the_library_with_the_same_ids() {
        String number = importOne("hubei-tto", "一种加氢站用压缩机");
        String hubeiJob = Api.get("/api/library/imports", Tokens.of("hubei-tto")).array().getJsonObject(0)
                .getString("id");
        String wuhanOperator = Tokens.of("wuhan-operator");

        assertNotFound(Api.get("/api/library/patents/" + number, wuhanOperator));
        assertNotFound(Api.get("/api/library/imports/" + hubeiJob, wuhanOperator));
        assertNotFound(Api.get("/api/library/imports/" + hubeiJob + "/errors", wuhanOperator));
        assertNotFound(Api.sendJson("PUT", "/api/library/patents/" + number + "/self-assessment", wuhanOperator,
                null, "{\"prospect\":\"UNCLEAR\"}"));
        assertNotFound(Api.sendJson("POST", "/api/library/patents/" + number + "/review", wuhanOperator, null,
                "{\"outcome\":\"ADMIT\"}"));
        assertNotFound(Api.call("POST", "/api/library/patents/" + number + "/publication", wuhanOperator, null,
                null, null));
        assertFalse(LibraryImportIT.ids(Api.get("/api/library/patents?size=100&q="
                + LibraryImportIT.url("加氢站用压缩机"), wuhanOperator)).contains(number));
        assertEquals(403, Api.get("/api/library/patents/" + number, wuhanOperator, "hubei").status());

        JsonObject untouched = Api.get("/api/library/patents/" + number, Tokens.of("hubei-tto")).json();
        assertEquals("INVENTORIED", untouched.getString("status"));
        assertEquals(1, untouched.getJsonArray("history").size());
    }

    @Test
    void enterprises_and_citizens_have_no_access_to_a_tenants_library() {
        assertEquals(403, Api.get("/api/library/patents", Tokens.of("hubei-enterprise")).status());
        assertEquals(403, Api.get("/api/library/patents", Tokens.of("citizen")).status());
        assertEquals(401, Api.get("/api/library/patents", null).status());
    }

    @Test
    void an_operator_draws_a_spot_check_sample_which_can_be_reviewed_before_self_assessment() {
        String institution = "抽查大学" + System.nanoTime();
        String first = Inventories.newApplicationNumber();
        String second = Inventories.newApplicationNumber();
        byte[] csv = String.join("\n", Inventories.HEADER, Inventories.row(first, "一种储氢罐阀门"),
                Inventories.row(second, "一种储氢罐支架")).getBytes(StandardCharsets.UTF_8);
        String operator = Tokens.of("hubei-operator");
        Inventories.importAndWait(operator, institution, "two.csv", csv);

        Reply sample = Api.sendJson("POST", "/api/library/spot-checks", operator, null,
                "{\"institution\":\"" + institution + "\",\"percent\":50}");
        assertEquals(200, sample.status(), sample.body());
        List<String> drawn = sample.array().getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        assertEquals(1, drawn.size());
        assertTrue(List.of(first, second).contains(drawn.get(0)));

        Reply flagged = Api.sendJson("POST", "/api/library/patents/" + drawn.get(0) + "/review", operator, null,
                "{\"outcome\":\"FLAG_UNCLEAR\",\"reason\":\"应用场景不明确\"}");
        assertEquals("FLAGGED_UNCLEAR", flagged.json().getString("status"), flagged.body());
    }

    private static String importOne(String user, String title) {
        String number = Inventories.newApplicationNumber();
        byte[] csv = (Inventories.HEADER + "\n" + Inventories.row(number, title)).getBytes(StandardCharsets.UTF_8);
        JsonObject job = Inventories.importAndWait(Tokens.of(user), "华中科技大学", "one.csv", csv).json();
        assertEquals(1, job.getInt("created"), job.toString());
        return number;
    }

    private static boolean catalogueFinds(String words, String number) {
        return Api.get("/api/network/patents?size=100&q=" + LibraryImportIT.url(words), null).array()
                .getValuesAs(JsonObject.class).stream().anyMatch(p -> p.getString("applicationNumber").equals(number));
    }

    private static JsonObject catalogueEntry(String number) {
        return Api.get("/api/network/patents?size=100", null).array().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("applicationNumber").equals(number)).findFirst()
                .orElseThrow(() -> new AssertionError(number + " is not in the network catalogue"));
    }

    private static void assertNotFound(Reply reply) {
        assertEquals(404, reply.status(), reply.body());
        AccessControlIT.assertProblem(reply, "urn:ipop:problem:not-found");
    }
}
