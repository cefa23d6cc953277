package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ipop.app.support.Api;
import org.ipop.app.support.Api.Reply;
import org.ipop.app.support.Inventories;
import org.ipop.app.support.Memberships;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Matching and push end to end: a campaign over the library's available patents, its explained results, the push
 * into an enterprise's inbox, the enterprise's answers and the funnel, incremental matching, and isolation.
 */
class MatchingIT extends PlatformIT {

    @BeforeAll
    static void memberships() {
        Memberships.ensure("hubei-operator", "hubei-tto", "华中科技大学");
        Memberships.ensure("wuhan-operator", "wuhan-tto", "华中科技大学");
        Memberships.ensure("hydrogen-operator", "hydrogen-tto", "华中科技大学");
    }

    /** A row of an inventory: number, title, status, IPC codes (a hydrogen-storage invention by default). */
    static String row(String number, String title, String legalStatus, String ipc) {
        return number + "," + title + ",20230315,发明," + ipc.split(";")[0] + "," + ipc
                + ",本发明公开了" + title + "，提高了储氢密度和安全性。,1." + title + "，其特征在于包括储氢罐和减压阀。,华中科技大学,大专院校,"
                + legalStatus;
    }

    /**
     * A product name unique to this test run, in Chinese: local test data persists between runs, and the same title
     * imported again on every run would make its words common (BM25 gives words that every patent has no weight).
     */
    static String uniqueProduct(String words, String number) {
        StringBuilder product = new StringBuilder(words).append("型");
        for (char digit : number.replaceAll("\\D", "").substring(6).toCharArray()) {
            product.append("零一二三四五六七八九".charAt(digit - '0'));
        }
        return product.toString();
    }

    /** The centre's enterprise user saves its profile as {@code company} making {@code product}; returns its code. */
    static String describeProduct(String centre, String company, String product) {
        String enterprise = Tokens.of(centre + "-enterprise");
        String code = EnterprisesIT.enterpriseOf(centre + "-enterprise", enterprise);
        assertEquals(200, Api.sendJson("PUT", "/api/enterprises/me", enterprise, null, EnterprisesIT.profile(code,
                company).replace("氢燃料电池电堆、车载储氢瓶", product)).status());
        return code;
    }

    /** An enterprise of a centre and a patent admitted there that suits it exactly. */
    record SuitedPair(String enterpriseCode, String patent) {
    }

    /**
     * The centre's enterprise user describes a product made for this run ({@link #uniqueProduct}), then its TTO
     * imports a patent named after the product and its operator admits it: two events for incremental matching.
     */
    static SuitedPair suitedPair(String centre, String company, String words, String ipc) {
        String number = Inventories.newApplicationNumber();
        String product = uniqueProduct(words, number);
        String code = describeProduct(centre, company, product);
        String tto = Tokens.of(centre + "-tto");
        importRows(tto, row(number, "一种" + product, "有权-审定授权", ipc));
        admit(number, tto, Tokens.of(centre + "-operator"));
        return new SuitedPair(code, number);
    }

    /** What {@code listed} answers, asked every half second until it includes {@code patent} or 30 s have passed. */
    static List<String> untilListed(String patent, Supplier<List<String>> listed) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        List<String> found = List.of();
        while (System.currentTimeMillis() < deadline && !found.contains(patent)) {
            Thread.sleep(500);
            found = listed.get();
        }
        return found;
    }

    static void importRows(String tto, String... rows) {
        String csv = Inventories.HEADER + "\n" + String.join("\n", rows) + "\n";
        JsonObject job = Inventories.importAndWait(tto, "华中科技大学", "matching.csv",
                csv.getBytes(StandardCharsets.UTF_8)).json();
        assertEquals("COMPLETED", job.getString("status"), job.toString());
        assertEquals(0, job.getInt("errorRows"), job.toString());
    }

    static void admit(String number, String tto, String operator) {
        assertEquals(200, Api.sendJson("PUT", "/api/library/patents/" + number + "/self-assessment", tto, null,
                "{\"prospect\":\"GOOD\",\"intendedMode\":\"LICENCE\"}").status());
        Reply admitted = Api.sendJson("POST", "/api/library/patents/" + number + "/review", operator, null,
                "{\"outcome\":\"ADMIT\"}");
        assertEquals("ADMITTED", admitted.json().getString("status"), admitted.body());
    }

    private static JsonObject runToEnd(String campaign, String operator) throws InterruptedException {
        Reply started = Api.call("POST", "/api/matching/campaigns/" + campaign + "/run", operator, null, null, null);
        assertEquals(202, started.status(), started.body());
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject state = Api.get("/api/matching/campaigns/" + campaign, operator).json();
            if (!state.getString("status").equals("RUNNING")) {
                return state;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the campaign did not finish in 60 s");
    }

    /** A campaign's results for one enterprise, as {@code token} sees them. */
    private static JsonArray matchesOf(String campaign, String enterprise, String token) {
        return Api.get("/api/matching/campaigns/" + campaign + "/matches?enterprise=" + enterprise, token).array();
    }

    private static List<String> patentIds(JsonArray matches) {
        return matches.getValuesAs(JsonObject.class).stream().map(m -> m.getString("patentId")).toList();
    }

    @Test
    void a_campaign_matches_explains_pushes_and_learns_from_the_answers() throws Exception {
        String tto = Tokens.of("hubei-tto");
        String operator = Tokens.of("hubei-operator");
        String enterprise = Tokens.of("hubei-enterprise");
        String storage = Inventories.newApplicationNumber();
        String valve = Inventories.newApplicationNumber();
        String notAdmitted = Inventories.newApplicationNumber();
        String lapsed = Inventories.newApplicationNumber();
        importRows(tto, row(storage, "一种车载高压储氢瓶及其储氢方法", "有权-审定授权", "F17C1/00;C01B3/00"),
                row(valve, "一种储氢瓶用组合减压阀", "审中-实审", "F17C13/04;C01B3/00"),
                row(notAdmitted, "一种固态储氢合金储氢罐", "审中-实审", "F17C11/00;C01B3/00"),
                row(lapsed, "一种液态储氢运输罐车", "无权-视为撤回", "F17C1/00;C01B3/00"));
        admit(storage, tto, operator);
        admit(valve, tto, operator);
        admit(lapsed, tto, operator);

        // The enterprise registers in the SEI branch the library gave the storage patent, and says what it makes.
        String branch = Api.get("/api/library/patents/" + storage, operator).json().getJsonArray("tags")
                .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("catalog").equals("SEI_2021"))
                .map(t -> t.getString("branchCode")).findFirst()
                .orElseThrow(() -> new AssertionError("the storage patent has no SEI tag"));
        String code = EnterprisesIT.enterpriseOf("hubei-enterprise", enterprise);
        Reply profile = Api.sendJson("PUT", "/api/enterprises/me", enterprise, null, EnterprisesIT.profile(code,
                "湖北储氢装备有限公司").replace("\"6.4\"", "\"" + branch + "\"")
                .replace("氢燃料电池电堆、车载储氢瓶", "车载高压储氢瓶、储氢瓶减压阀"));
        assertEquals(200, profile.status(), profile.body());

        Reply created = Api.sendJson("POST", "/api/matching/campaigns", operator, null,
                "{\"name\": \"储氢装备专场\", \"regions\": [\"420000\"], \"k\": 50}");
        assertEquals(201, created.status(), created.body());
        String campaign = created.json().getString("id");
        JsonObject ready = runToEnd(campaign, operator);
        assertEquals("READY", ready.getString("status"), ready.toString());
        assertTrue(ready.getJsonNumber("enterprisesInScope").longValue() >= 1);

        JsonArray matches = matchesOf(campaign, code, operator);
        List<String> offered = patentIds(matches);
        assertTrue(offered.containsAll(List.of(storage, valve)), () -> "offered " + offered + " to " + code
                + " in " + branch + "; now: " + Api.get("/api/matching/enterprises/" + code + "/patents?k=50", operator)
                .body() + "; profile: " + Api.get("/api/enterprises/" + code, operator).body());
        assertFalse(offered.contains(notAdmitted), "a patent not admitted to the library is not available");
        assertFalse(offered.contains(lapsed), "a lapsed patent is not available");
        JsonObject best = matches.getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("patentId").equals(storage)).findFirst().orElseThrow();
        assertTrue(best.getJsonArray("segments").toString().contains(branch), best.toString());
        assertTrue(best.getJsonArray("sharedTerms").toString().contains("储氢瓶"), best.toString());

        // Push, then the enterprise reads and answers in its inbox.
        JsonObject pushed = Api.call("POST", "/api/matching/campaigns/" + campaign + "/push", operator, null, null,
                null).json();
        assertEquals("PUSHED", pushed.getString("status"));
        assertTrue(pushed.getJsonNumber("pushed").longValue() >= 2);
        assertTrue(patentIds(Api.get("/api/inbox", enterprise).array()).containsAll(List.of(storage, valve)));
        assertEquals(200, Api.call("POST", "/api/inbox/" + storage + "/read", enterprise, null, null, null).status());
        Reply noReason = Api.sendJson("POST", "/api/inbox/" + valve + "/response", enterprise, null,
                "{\"response\": \"NOT_RELEVANT\"}");
        assertEquals(400, noReason.status());
        assertEquals("NOT_RELEVANT", Api.sendJson("POST", "/api/inbox/" + valve + "/response", enterprise, null,
                "{\"response\": \"NOT_RELEVANT\", \"reason\": \"我们不做阀门\"}").json().getString("response"));
        assertEquals("INTERESTED", Api.sendJson("POST", "/api/inbox/" + storage + "/response", enterprise, null,
                "{\"response\": \"INTERESTED\"}").json().getString("response"));

        JsonObject funnel = Api.get("/api/matching/campaigns/" + campaign + "/funnel", operator).json();
        JsonObject total = funnel.getJsonObject("total");
        assertTrue(total.getJsonNumber("pushed").longValue() >= 2);
        assertTrue(total.getJsonNumber("viewed").longValue() >= 2, total.toString());
        assertTrue(total.getJsonNumber("interested").longValue() >= 1);
        assertTrue(total.getJsonNumber("notRelevant").longValue() >= 1);
        assertTrue(funnel.getJsonArray("byRegion").toString().contains("湖北省"), funnel.toString());

        // A pushed campaign is not run again; a new one never offers the rejected (or already pushed) patents.
        assertEquals(409, Api.call("POST", "/api/matching/campaigns/" + campaign + "/run", operator, null, null,
                null).status());
        String second = Api.sendJson("POST", "/api/matching/campaigns", operator, null,
                "{\"name\": \"第二轮\", \"k\": 20}").json().getString("id");
        assertEquals("READY", runToEnd(second, operator).getString("status"));
        List<String> again = patentIds(matchesOf(second, code, operator));
        assertFalse(again.contains(valve), "the rejected patent is not pushed again");
        assertFalse(again.contains(storage), "nor is one already pushed");

        // Incremental: a newly admitted patent finds the enterprise it suits, and the enterprise finds it.
        String fresh = Inventories.newApplicationNumber();
        importRows(tto, row(fresh, "一种车载储氢瓶快速加注接口", "有权-审定授权", "F17C5/06;C01B3/00"));
        admit(fresh, tto, operator);
        JsonArray suited = Api.get("/api/matching/patents/" + fresh + "/enterprises?k=50", operator).array();
        assertTrue(suited.getValuesAs(JsonObject.class).stream().anyMatch(m -> m.getString("enterpriseCode")
                .equals(code)), suited.toString());
        assertTrue(patentIds(Api.get("/api/matching/enterprises/" + code + "/patents?k=50", operator).array())
                .contains(fresh));
    }

    @Test
    void another_centre_sees_nothing_of_a_campaign_an_enterprise_or_an_unpublished_patent() throws Exception {
        String operator = Tokens.of("hubei-operator");
        String campaign = Api.sendJson("POST", "/api/matching/campaigns", operator, null,
                "{\"name\": \"湖北内部活动\"}").json().getString("id");
        String wuhan = Tokens.of("wuhan-operator");
        assertEquals(404, Api.get("/api/matching/campaigns/" + campaign, wuhan).status());
        assertEquals(404, Api.call("POST", "/api/matching/campaigns/" + campaign + "/run", wuhan, null, null, null)
                .status());
        assertEquals(404, Api.call("POST", "/api/matching/campaigns/" + campaign + "/push", wuhan, null, null, null)
                .status());
        assertFalse(Api.get("/api/matching/campaigns", wuhan).body().contains(campaign));
        assertEquals(403, Api.get("/api/matching/campaigns", Tokens.of("hubei-enterprise")).status());

        // 湖北 admits (without publishing) a patent that suits 武汉's enterprise exactly; 武汉 admits one of its own.
        String hubeiPatent = Inventories.newApplicationNumber();
        String valve = uniqueProduct("武汉专用储氢罐快速阀门", hubeiPatent);
        importRows(Tokens.of("hubei-tto"), row(hubeiPatent, "一种" + valve, "有权-审定授权",
                "F17C13/04;C01B3/00"));
        admit(hubeiPatent, Tokens.of("hubei-tto"), operator);
        String wuhanTto = Tokens.of("wuhan-tto");
        String wuhanPatent = Inventories.newApplicationNumber();
        importRows(wuhanTto, row(wuhanPatent, "一种" + valve + "组件", "有权-审定授权", "F17C13/04;C01B3/00"));
        admit(wuhanPatent, wuhanTto, wuhan);
        String wuhanEnterprise = Tokens.of("wuhan-enterprise");
        String code = describeProduct("wuhan", "武汉阀门科技有限公司", valve);

        String wuhanCampaign = Api.sendJson("POST", "/api/matching/campaigns", wuhan, null,
                "{\"name\": \"武汉阀门专场\", \"k\": 50}").json().getString("id");
        assertEquals("READY", runToEnd(wuhanCampaign, wuhan).getString("status"));
        List<String> offered = patentIds(matchesOf(wuhanCampaign, code, wuhan));
        assertTrue(offered.contains(wuhanPatent), offered.toString());
        assertFalse(offered.contains(hubeiPatent), "湖北's unpublished patent is not 武汉's to offer");
        assertEquals(200, Api.call("POST", "/api/matching/campaigns/" + wuhanCampaign + "/push", wuhan, null, null,
                null).status());
        List<String> inbox = patentIds(Api.get("/api/inbox", wuhanEnterprise).array());
        assertTrue(inbox.contains(wuhanPatent), inbox.toString());
        assertFalse(inbox.contains(hubeiPatent));
        assertEquals(404, Api.get("/api/matching/patents/" + hubeiPatent + "/enterprises", wuhan).status());
        assertEquals(404, Api.get("/api/matching/enterprises/" + code + "/patents", operator).status(),
                "湖北's operators cannot match 武汉's enterprise");
    }

    @Test
    void a_network_campaign_offers_what_other_centres_published_and_nothing_they_did_not() throws Exception {
        // 湖北 admits two patents that suit 武汉's enterprise exactly and publishes one of them.
        String hubeiOperator = Tokens.of("hubei-operator");
        String hubeiTto = Tokens.of("hubei-tto");
        String published = Inventories.newApplicationNumber();
        String unpublished = Inventories.newApplicationNumber();
        String seal = uniqueProduct("网络目录专供氢气压缩机密封环", published);
        importRows(hubeiTto, row(published, "一种" + seal, "有权-审定授权", "F04B39/00;F16J15/00"),
                row(unpublished, "一种" + seal + "组件", "有权-审定授权", "F04B39/00;F16J15/00"));
        admit(published, hubeiTto, hubeiOperator);
        admit(unpublished, hubeiTto, hubeiOperator);
        assertEquals(200, Api.call("POST", "/api/library/patents/" + published + "/publication", hubeiOperator, null,
                null, null).status());

        String wuhan = Tokens.of("wuhan-operator");
        String wuhanEnterprise = Tokens.of("wuhan-enterprise");
        String code = describeProduct("wuhan", "武汉压缩机科技有限公司", seal);

        // Its own library only: nothing of 湖北's.
        String local = Api.sendJson("POST", "/api/matching/campaigns", wuhan, null,
                "{\"name\": \"武汉本库\", \"k\": 50}").json().getString("id");
        assertEquals("LIBRARY", runToEnd(local, wuhan).getString("scope"));
        List<String> fromLibrary = patentIds(matchesOf(local, code, wuhan));
        assertFalse(fromLibrary.contains(published) || fromLibrary.contains(unpublished), fromLibrary.toString());

        // With the network catalogue: the published patent, from public fields only; never the unpublished one.
        Reply badScope = Api.sendJson("POST", "/api/matching/campaigns", wuhan, null,
                "{\"name\": \"坏范围\", \"scope\": \"EVERYTHING\"}");
        assertEquals(400, badScope.status(), badScope.body());
        assertTrue(badScope.body().contains("scope"), badScope.body());
        String network = Api.sendJson("POST", "/api/matching/campaigns", wuhan, null,
                "{\"name\": \"武汉全网\", \"k\": 50, \"scope\": \"network\"}").json().getString("id");
        JsonObject ran = runToEnd(network, wuhan);
        assertEquals("READY", ran.getString("status"), ran.toString());
        assertEquals("NETWORK", ran.getString("scope"));
        JsonArray matches = matchesOf(network, code, wuhan);
        assertTrue(patentIds(matches).contains(published), patentIds(matches).toString());
        assertFalse(patentIds(matches).contains(unpublished), "湖北's unpublished patent never leaves 湖北");
        JsonObject match = matches.getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("patentId").equals(published)).findFirst().orElseThrow();
        assertEquals("hubei", match.getString("owner"));
        assertTrue(match.getJsonArray("sharedTerms").toString().contains("压缩机密封环"), match.toString());
        assertTrue(match.getJsonArray("priors").getValuesAs(JsonString.class).stream()
                .noneMatch(p -> p.getString().contains("档") || p.getString().contains("价值分")),
                "湖北's tier and value score are not public: " + match.getJsonArray("priors"));

        // Withdrawn from the network: gone from the next run.
        assertEquals(200, Api.call("DELETE", "/api/library/patents/" + published + "/publication", hubeiOperator,
                null, null, null).status());
        assertEquals("READY", runToEnd(network, wuhan).getString("status"));
        assertFalse(patentIds(matchesOf(network, code, wuhan)).contains(published),
                "a withdrawn patent is no longer offered");

        // Published again, pushed: the enterprise's inbox names the centre that holds it.
        assertEquals(200, Api.call("POST", "/api/library/patents/" + published + "/publication", hubeiOperator, null,
                null, null).status());
        assertEquals("READY", runToEnd(network, wuhan).getString("status"));
        assertEquals(200, Api.call("POST", "/api/matching/campaigns/" + network + "/push", wuhan, null, null, null)
                .status());
        JsonObject item = Api.get("/api/inbox", wuhanEnterprise).array().getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("patentId").equals(published)).findFirst().orElseThrow();
        assertEquals("hubei", item.getString("owner"));
        assertEquals(404, Api.get("/api/library/patents/" + published, wuhan).status(),
                "the patent's record stays 湖北's");
    }

    @Test
    void a_transferred_or_exclusively_licensed_patent_is_neither_matched_nor_published() throws Exception {
        String operator = Tokens.of("hubei-operator");
        String tto = Tokens.of("hubei-tto");
        String number = Inventories.newApplicationNumber();
        String title = "一种交易状态专用氢气压力调节阀";
        importRows(tto, row(number, title, "有权-审定授权", "F16K17/00;F17C13/04"));
        admit(number, tto, operator);
        assertEquals(200, Api.call("POST", "/api/library/patents/" + number + "/publication", operator, null, null,
                null).status());
        assertEquals(200, Api.get("/api/matching/patents/" + number + "/enterprises", operator).status(),
                "an available patent can be matched");

        String deal = "/api/library/patents/" + number + "/deal";
        Reply noNote = Api.sendJson("PUT", deal, operator, null, "{\"status\": \"TRANSFERRED\"}");
        assertEquals(400, noNote.status(), noNote.body());
        assertTrue(noNote.body().contains("\"note\""), noNote.body());
        Reply badStatus = Api.sendJson("PUT", deal, operator, null, "{\"status\": \"SOLD\", \"note\": \"x\"}");
        assertEquals(400, badStatus.status(), badStatus.body());
        assertTrue(badStatus.body().contains("\"status\""), badStatus.body());
        assertEquals(403, Api.sendJson("PUT", deal, tto, null, "{\"status\": \"AVAILABLE\"}").status(),
                "an institution's user cannot change the deal status");
        assertEquals(404, Api.sendJson("PUT", deal, Tokens.of("wuhan-operator"), null,
                "{\"status\": \"AVAILABLE\"}").status(), "another centre cannot reach 湖北's patent");

        Reply transferred = Api.sendJson("PUT", deal, operator, null,
                "{\"status\": \"transferred\", \"note\": \"2026-10 转让给武汉氢阀科技有限公司\"}");
        assertEquals(200, transferred.status(), transferred.body());
        assertEquals("TRANSFERRED", transferred.json().getJsonObject("deal").getString("status"));
        assertEquals("hubei-operator", transferred.json().getJsonObject("deal").getString("by"));
        assertFalse(transferred.json().getBoolean("published"), "a transferred patent leaves the network catalogue");
        assertTrue(Api.get("/api/network/patents?size=100", null).array().getValuesAs(JsonObject.class).stream()
                .noneMatch(p -> p.getString("applicationNumber").equals(number)));
        assertEquals(409, Api.call("POST", "/api/library/patents/" + number + "/publication", operator, null, null,
                null).status(), "nor can it be published again");
        assertEquals(404, Api.get("/api/matching/patents/" + number + "/enterprises", operator).status(),
                "a transferred patent is not matched");
        String campaign = Api.sendJson("POST", "/api/matching/campaigns", operator, null,
                "{\"name\": \"交易状态检查\", \"k\": 50}").json().getString("id");
        assertEquals("READY", runToEnd(campaign, operator).getString("status"));
        assertFalse(patentIds(Api.get("/api/matching/campaigns/" + campaign + "/matches?size=500", operator).array())
                .contains(number), "a transferred patent is never offered");
        assertTrue(Api.get("/api/audit?limit=20", Tokens.of("hubei-admin")).body().contains("library.patent.deal"));

        Reply available = Api.sendJson("PUT", deal, operator, null, "{\"status\": \"AVAILABLE\"}");
        assertEquals("AVAILABLE", available.json().getJsonObject("deal").getString("status"), available.body());
        assertEquals(200, Api.get("/api/matching/patents/" + number + "/enterprises", operator).status());
    }

    @Test
    void a_newly_admitted_patent_and_a_changed_enterprise_are_matched_without_a_run() throws Exception {
        // The enterprise changes its profile (an event), then a patent that suits it is admitted (another).
        SuitedPair pair = suitedPair("hubei", "湖北液氢装备有限公司", "持续匹配专用液氢泵叶轮", "F04D29/22;F17C13/00");
        String operator = Tokens.of("hubei-operator");
        String enterprise = Tokens.of("hubei-enterprise");
        String code = pair.enterpriseCode();
        String number = pair.patent();

        // Within a few sweeps the continuous campaign holds the pair, explained, without anyone running anything.
        String matches = "/api/matching/campaigns/continuous/matches?enterprise=" + code;
        List<String> found = untilListed(number, () -> {
            Reply reply = Api.get(matches, operator);
            return reply.status() == 200 ? patentIds(reply.array()) : List.of();
        });
        assertTrue(found.contains(number), "incremental matching did not offer " + number + ": " + found);
        JsonObject continuous = Api.get("/api/matching/campaigns/continuous", operator).json();
        assertTrue(continuous.getBoolean("continuous"), continuous.toString());
        assertEquals("READY", continuous.getString("status"));
        JsonObject match = Api.get(matches, operator).array().getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("patentId").equals(number)).findFirst().orElseThrow();
        assertTrue(match.getJsonArray("sharedTerms").toString().contains("液氢泵叶轮"), match.toString());
        assertTrue(Api.get("/api/audit?limit=50", Tokens.of("hubei-admin")).body()
                .contains("matching.campaign.incremental"));

        // Another centre's continuous campaign (if it has one) never holds 湖北's patents or enterprises.
        Reply wuhan = Api.get("/api/matching/campaigns/continuous/matches?size=500", Tokens.of("wuhan-operator"));
        assertTrue(wuhan.status() == 404 || (wuhan.status() == 200 && !wuhan.body().contains(number)
                && !wuhan.body().contains(code)), wuhan.body());

        // Pushed like any campaign: the enterprise receives it once.
        assertEquals(200, Api.call("POST", "/api/matching/campaigns/continuous/push", operator, null, null, null)
                .status());
        assertTrue(patentIds(Api.get("/api/inbox", enterprise).array()).contains(number));
    }

    /** A campaign given a time runs by itself then; one far ahead can be cancelled, by its centre only. */
    @Test
    void a_scheduled_campaign_runs_by_itself_and_its_schedule_can_be_cancelled() throws Exception {
        String operator = Tokens.of("hubei-operator");
        String campaigns = "/api/matching/campaigns";
        for (String bad : List.of("明天上午九点", "2020-01-01T09:00")) {
            Reply refused = Api.sendJson("POST", campaigns, operator, null,
                    "{\"name\": \"计划时间有误\", \"runAt\": \"" + bad + "\"}");
            assertEquals(400, refused.status(), refused.body());
            assertTrue(refused.body().contains("\"runAt\""), "the problem names the field: " + refused.body());
        }

        java.time.Instant soon = java.time.Instant.now().plusSeconds(2);
        Reply scheduled = Api.sendJson("POST", campaigns, operator, null,
                "{\"name\": \"计划运行检查\", \"k\": 5, \"runAt\": \"" + soon + "\"}");
        assertEquals(201, scheduled.status(), scheduled.body());
        assertEquals("SCHEDULED", scheduled.json().getString("status"));
        assertEquals(soon.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), java.time.Instant.parse(
                scheduled.json().getString("runAt")));
        String id = scheduled.json().getString("id");
        long deadline = System.currentTimeMillis() + 60_000;
        JsonObject state = scheduled.json();
        while (System.currentTimeMillis() < deadline && !state.getString("status").equals("READY")) {
            Thread.sleep(500);
            state = Api.get(campaigns + "/" + id, operator).json();
        }
        assertEquals("READY", state.getString("status"), "the platform ran it by itself: " + state);
        assertTrue(Api.get("/api/audit?limit=50", Tokens.of("hubei-admin")).body()
                .contains("scheduled by hubei-operator"), "the audit trail says who scheduled the run");

        // Without an offset the time is Beijing time.
        Reply later = Api.sendJson("POST", campaigns, operator, null,
                "{\"name\": \"明年计划\", \"runAt\": \"2099-01-01T09:00\"}");
        assertEquals("2099-01-01T01:00:00Z", later.json().getString("runAt"), later.body());
        String schedule = campaigns + "/" + later.json().getString("id") + "/schedule";
        assertEquals(404, Api.call("DELETE", schedule, Tokens.of("wuhan-operator"), null, null, null).status(),
                "another centre cannot reach the campaign");
        assertEquals(403, Api.call("DELETE", schedule, Tokens.of("hubei-enterprise"), null, null, null).status());
        Reply cancelled = Api.call("DELETE", schedule, operator, null, null, null);
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("DRAFT", cancelled.json().getString("status"));
        assertTrue(cancelled.json().isNull("runAt"), cancelled.body());
        assertEquals(409, Api.call("DELETE", schedule, operator, null, null, null).status(),
                "nothing is scheduled any more");
    }

    /**
     * Matching keeps each centre's corpus between uses, and nothing tells it that a patent was transferred: what it
     * finds is checked against the library, so a patent that stopped being available is not offered again, and comes
     * back once it is available again.
     */
    @Test
    void a_patent_transferred_after_matching_kept_its_corpus_is_no_longer_offered() throws Exception {
        SuitedPair pair = suitedPair("hubei", "湖北氢阀门制造有限公司", "保留语料专用氢气截止阀", "F16K1/00;F17C13/04");
        String operator = Tokens.of("hubei-operator");
        String preview = "/api/matching/enterprises/" + pair.enterpriseCode() + "/patents?k=50";
        List<String> before = untilListed(pair.patent(), () -> patentIds(Api.get(preview, operator).array()));
        assertTrue(before.contains(pair.patent()), "the suited patent is offered: " + before);

        String deal = "/api/library/patents/" + pair.patent() + "/deal";
        assertEquals(200, Api.sendJson("PUT", deal, operator, null,
                "{\"status\": \"TRANSFERRED\", \"note\": \"2026-11 转让给湖北氢阀门制造有限公司\"}").status());
        Reply after = Api.get(preview, operator);
        assertEquals(200, after.status(), after.body());
        assertFalse(patentIds(after.array()).contains(pair.patent()), "a transferred patent is offered: " + after.body());
        assertEquals(404, Api.get("/api/matching/patents/" + pair.patent() + "/enterprises", operator).status());

        assertEquals(200, Api.sendJson("PUT", deal, operator, null, "{\"status\": \"AVAILABLE\"}").status());
        List<String> again = untilListed(pair.patent(), () -> patentIds(Api.get(preview, operator).array()));
        assertTrue(again.contains(pair.patent()), "available again, offered again: " + again);
    }

    /**
     * An enterprise's open demands steer what suits it; a closed one stops at once, not when matching's kept index
     * of enterprises is next read again (every 10 minutes).
     */
    @Test
    void a_closed_demand_no_longer_steers_what_suits_its_enterprise() throws Exception {
        String enterprise = Tokens.of("hubei-enterprise");
        String operator = Tokens.of("hubei-operator");
        String code = EnterprisesIT.enterpriseOf("hubei-enterprise", enterprise);
        String profile = EnterprisesIT.profile(code, "湖北需求关闭测试有限公司");
        assertEquals(200, Api.sendJson("PUT", "/api/enterprises/me", enterprise, null, profile).status());
        String number = Inventories.newApplicationNumber();
        String product = uniqueProduct("关闭需求专用液氢阀芯", number);
        Reply posted = Api.sendJson("POST", "/api/demands", enterprise, null, """
                {"title": "%s国产化", "problem": "需要%s的国产替代方案，降低成本并提高低温可靠性",
                 "segment": "6.4", "budgetMin": 50, "budgetMax": 200, "modes": ["LICENCE"],
                 "deadline": "2030-06-30"}""".formatted(product, product));
        assertEquals(201, posted.status(), posted.body());
        importRows(Tokens.of("hubei-tto"), row(number, "一种" + product, "有权-审定授权", "F16K1/00;F17C13/04"));
        admit(number, Tokens.of("hubei-tto"), operator);

        // The enterprises this patent suits, from the index of enterprises matching keeps between requests.
        String suited = "/api/matching/patents/" + number + "/enterprises?k=100";
        Function<JsonArray, List<String>> codes = matches -> matches.getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("enterpriseCode")).toList();
        assertTrue(untilListed(code, () -> {
            Reply reply = Api.get(suited, operator);
            return reply.status() == 200 ? codes.apply(reply.array()) : List.of();
        }).contains(code));
        // The words the patent shares with the demand alone (not with the enterprise's profile).
        Function<JsonArray, List<String>> demandTerms = matches -> matches
                .getValuesAs(JsonObject.class).stream().filter(m -> m.getString("enterpriseCode").equals(code))
                .flatMap(m -> m.getJsonArray("sharedTerms").getValuesAs(JsonString.class).stream())
                .map(JsonString::getString)
                .filter(term -> product.contains(term) && !profile.contains(term)).toList();
        Reply before = Api.get(suited, operator);
        assertFalse(demandTerms.apply(before.array()).isEmpty(), "the demand's words bring them together: "
                + before.body());

        String demand = posted.json().getString("id");
        assertEquals(200, Api.call("POST", "/api/demands/" + demand + "/close", enterprise, null, null, null)
                .status());
        Reply after = Api.get(suited, operator);
        assertEquals(200, after.status(), after.body());
        assertEquals(List.of(), demandTerms.apply(after.array()), after.body());
    }

    @Test
    void a_centre_that_says_so_pushes_incremental_matches_without_an_operator() throws Exception {
        // tenants/hydrogen.json: "matching": {"pushIncrementalMatches": true}
        String number = suitedPair("hydrogen", "氢能膜材料有限公司", "自动推送专用质子交换膜", "H01M8/1018;C08J5/22")
                .patent();
        String operator = Tokens.of("hydrogen-operator");
        String enterprise = Tokens.of("hydrogen-enterprise");

        List<String> inbox = untilListed(number, () -> patentIds(Api.get("/api/inbox", enterprise).array()));
        assertTrue(inbox.contains(number), "not pushed automatically: " + inbox);
        JsonObject item = Api.get("/api/inbox", enterprise).array().getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("patentId").equals(number)).findFirst().orElseThrow();
        assertEquals("continuous", item.getString("campaignId"));
        JsonObject continuous = Api.get("/api/matching/campaigns/continuous", operator).json();
        assertTrue(continuous.getJsonNumber("pushed").longValue() >= 1, continuous.toString());
    }
}
