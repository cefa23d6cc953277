package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.ipop.app.support.Api;
import org.ipop.app.support.Api.Reply;
import org.ipop.app.support.PlatformIT;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.Test;

/** The enterprise registry and technology demands end to end, and their tenant isolation. */
class EnterprisesIT extends PlatformIT {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Random RANDOM = new Random();

    /** A valid credit code no other test run used (its check character computed independently of the platform). */
    static String newCreditCode() {
        StringBuilder code = new StringBuilder("91420100");
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return code.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    static String profile(String creditCode, String name) {
        return """
                {"creditCode": "%s", "name": "%s", "regionCode": "420100", "industryClasses": ["3841"],
                 "branches": ["6.4"], "size": "小型", "recognitions": ["专精特新"],
                 "products": "氢燃料电池电堆、车载储氢瓶", "description": "从事氢燃料电池与储氢装备研发制造",
                 "keywords": ["燃料电池", "储氢"], "ipcCodes": ["H01M8/04"], "contactName": "张经理",
                 "contactPhone": "027-88880000"}""".formatted(creditCode, name);
    }

    /** The enterprise of a demo enterprise user, registering one if the user has none yet. */
    static String enterpriseOf(String user, String token) {
        Reply mine = Api.get("/api/enterprises/me", token);
        if (mine.status() == 200) {
            return mine.json().getJsonObject("profile").getString("creditCode");
        }
        assertEquals(404, mine.status(), mine.body());
        String code = newCreditCode();
        Reply saved = Api.sendJson("PUT", "/api/enterprises/me", token, null, profile(code, user + " 氢能科技有限公司"));
        assertEquals(200, saved.status(), saved.body());
        return code;
    }

    @Test
    void an_enterprise_user_registers_and_maintains_its_own_profile() {
        String token = Tokens.of("hubei-enterprise");
        String code = enterpriseOf("hubei-enterprise", token);
        Reply updated = Api.sendJson("PUT", "/api/enterprises/me", token, null, profile(code, "湖北氢动力科技有限公司"));
        assertEquals(200, updated.status(), updated.body());
        JsonObject view = Api.get("/api/enterprises/me", token).json();
        assertEquals("湖北氢动力科技有限公司", view.getJsonObject("profile").getString("name"));
        assertEquals("武汉市", view.getString("regionName"));
        assertEquals("锂离子电池制造", view.getJsonArray("industryClasses").getJsonObject(0).getString("name"));
        assertEquals("生物质能及其他新能源产业", view.getJsonArray("branches").getJsonObject(0).getString("name"));
        assertEquals(List.of("SPECIALIZED_SME"), view.getJsonObject("profile").getJsonArray("recognitions")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertTrue(view.getJsonArray("members").toString().contains("hubei-enterprise"));

        // The credit code of a bound enterprise cannot be changed by its user.
        Reply other = Api.sendJson("PUT", "/api/enterprises/me", token, null, profile(newCreditCode(), "别的公司"));
        assertEquals(409, other.status(), other.body());
        // Operators see it; an enterprise user cannot use the operators' list.
        JsonObject found = Api.get("/api/enterprises/" + code, Tokens.of("hubei-operator")).json();
        assertEquals("湖北氢动力科技有限公司", found.getJsonObject("profile").getString("name"));
        assertEquals(403, Api.get("/api/enterprises", token).status());
    }

    private static Reply importList(String token, String fileName, byte[] content) {
        return Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE
                + "/api/enterprises/imports?fileName=" + fileName)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(content)).build());
    }

    /** Follows an import job until it has finished (it runs in the background) and returns its last state. */
    private static JsonObject finished(Reply accepted, String token) {
        assertEquals(202, accepted.status(), accepted.body());
        String id = accepted.json().getString("id");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Reply state = Api.get("/api/enterprises/imports/" + id, token);
            assertEquals(200, state.status(), state.body());
            String status = state.json().getString("status");
            if (status.equals("COMPLETED") || status.equals("FAILED")) {
                return state.json();
            }
            assertTrue(System.nanoTime() < deadline, "the import did not finish within 60 s: " + state.body());
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void an_operators_list_imports_its_good_rows_and_reports_every_bad_cell() {
        String operator = Tokens.of("hubei-operator");
        String good = newCreditCode();
        String alsoGood = newCreditCode();
        String badCheck = newCreditCode().substring(0, 17) + "I";
        String unknownIndustry = newCreditCode();
        // As Excel on Chinese Windows saves it: GBK, CRLF, Chinese headers, lists separated by 、
        String csv = String.join("\r\n",
                "统一社会信用代码,企业名称,所在地区代码,国民经济行业代码,战略性新兴产业领域,企业规模,资质认定,主营产品,技术关键词",
                good + ",武汉储能材料有限公司,420111,3841、3849,6.4,小型,专精特新,锂电池正极材料,正极材料、储能",
                alsoGood + ",宜昌光电股份有限公司,420500,3976,,中型,高新技术企业,光电探测器,光电",
                badCheck + ",校验错误公司,420100,3841,,,,,",
                unknownIndustry + ",行业错误公司,420100,9999,,,,,",
                good + ",重复的公司,420100,3841,,,,,") + "\r\n";
        Reply accepted = importList(operator, "enterprises.csv", csv.getBytes(java.nio.charset.Charset.forName("GBK")));
        assertTrue(accepted.json().getString("status").matches("QUEUED|RUNNING|COMPLETED"), accepted.body());
        JsonObject result = finished(accepted, operator);
        assertEquals("COMPLETED", result.getString("status"), result.toString());
        assertEquals("hubei-operator", result.getString("uploadedBy"));
        assertEquals(5, result.getInt("rows"));
        assertEquals(2, result.getInt("created") + result.getInt("updated"));
        assertEquals(3, result.getInt("refusedRows"));
        List<String> problems = result.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getInt("row") + " " + e.getString("column") + " " + e.getString("value", "")).toList();
        assertEquals(List.of("4 统一社会信用代码 " + badCheck, "5 国民经济行业代码 9999", "6 统一社会信用代码 " + good),
                problems);
        // The downloadable report has the same cells, with a BOM for Excel.
        String id = result.getString("id");
        Reply report = Api.get("/api/enterprises/imports/" + id + "/errors", operator);
        assertEquals(200, report.status(), report.body());
        assertTrue(report.body().startsWith("\uFEFF行号 row,列 column,值 value,原因 reason"), report.body());
        assertEquals(4, report.body().strip().split("\r\n").length, report.body());
        assertTrue(report.body().contains("5,国民经济行业代码,9999,"), report.body());
        assertTrue(Api.get("/api/enterprises/imports", operator).body().contains(id));

        JsonObject imported = Api.get("/api/enterprises/" + good, operator).json();
        assertEquals("武汉储能材料有限公司", imported.getJsonObject("profile").getString("name"));
        assertEquals(List.of("3841", "3849"), imported.getJsonObject("profile").getJsonArray("industryClasses")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertEquals(200, Api.get("/api/enterprises/" + alsoGood, operator).status());
        assertEquals(404, Api.get("/api/enterprises/" + unknownIndustry, operator).status());

        // Another centre sees neither the enterprises nor the import, nor its report; an enterprise user no import.
        String wuhan = Tokens.of("wuhan-operator");
        assertEquals(404, Api.get("/api/enterprises/" + good, wuhan).status());
        assertEquals(404, Api.get("/api/enterprises/imports/" + id, wuhan).status());
        assertEquals(404, Api.get("/api/enterprises/imports/" + id + "/errors", wuhan).status());
        assertFalse(Api.get("/api/enterprises/imports", wuhan).body().contains(id));
        assertEquals(403, Api.get("/api/enterprises/imports/" + id, Tokens.of("hubei-enterprise")).status());
    }

    @Test
    void a_cell_too_large_for_the_store_is_refused_on_its_row_and_the_rows_around_it_are_imported() {
        String operator = Tokens.of("hubei-operator");
        String before = newCreditCode();
        String oversized = newCreditCode();
        String after = newCreditCode();
        // 6,000,000 characters, 18 MB in UTF-8: stored, more than MongoDB's 16 MB per document, which failed the
        // whole import at its batch before cells were limited.
        String contact = "张".repeat(6_000_000);
        String csv = String.join("\n",
                "统一社会信用代码,企业名称,所在地区代码,国民经济行业代码,联系人",
                before + ",武汉储氢装备有限公司,420111,3841,李工",
                oversized + ",联系人过长公司,420111,3841," + contact,
                after + ",宜昌储能科技有限公司,420500,3841,王工") + "\n";
        JsonObject result = finished(importList(operator, "oversized.csv", csv.getBytes(StandardCharsets.UTF_8)),
                operator);
        assertEquals("COMPLETED", result.getString("status"), result.toString());
        assertEquals(3, result.getInt("rows"));
        assertEquals(1, result.getInt("refusedRows"));
        JsonObject problem = result.getJsonArray("errors").getJsonObject(0);
        assertEquals(3, problem.getInt("row"));
        assertEquals("联系人", problem.getString("column"));
        assertTrue(problem.getString("reason").contains("6,000,000"), problem.toString());
        assertTrue(problem.getString("value").length() < 1_000, "the value is shown cut");
        assertEquals(200, Api.get("/api/enterprises/" + before, operator).status(), "the row before is imported");
        assertEquals(200, Api.get("/api/enterprises/" + after, operator).status(), "the row after is imported");
        assertEquals(404, Api.get("/api/enterprises/" + oversized, operator).status());
    }

    @Test
    void a_long_list_is_imported_in_batches_and_a_second_import_updates_instead_of_duplicating() {
        String operator = Tokens.of("hubei-operator");
        StringBuilder csv = new StringBuilder("credit_code,name,region_code,industry_classes\n");
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            String code = newCreditCode();
            codes.add(code);
            // Every 100th row has an unknown region: refused, the rows around it imported. 0111 稻谷种植 bridges to no
            // branch and the rows have no words, so these enterprises match nothing and leave other tests' matching
            // alone.
            csv.append(code).append(",批量导入企业").append(i).append(',').append(i % 100 == 99 ? "999999" : "420100")
                    .append(",0111\n");
        }
        byte[] file = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonObject first = finished(importList(operator, "long.csv", file), operator);
        assertEquals("COMPLETED", first.getString("status"), first.toString());
        assertEquals(1_200, first.getInt("rows"));
        assertEquals(1_188, first.getInt("created"));
        assertEquals(0, first.getInt("updated"));
        assertEquals(12, first.getInt("refusedRows"));
        assertEquals(List.of(101, 201), first.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getInt("row")).limit(2).toList());
        assertEquals("批量导入企业1198", Api.get("/api/enterprises/" + codes.get(1_198), operator).json()
                .getJsonObject("profile").getString("name"));
        assertEquals(404, Api.get("/api/enterprises/" + codes.get(99), operator).status());

        JsonObject again = finished(importList(operator, "long.csv", file), operator);
        assertEquals(0, again.getInt("created"));
        assertEquals(1_188, again.getInt("updated"));
        assertEquals(1, Api.get("/api/enterprises?q=" + codes.get(0), operator).json().getInt("total"));
    }

    @Test
    void a_list_without_a_required_column_is_refused_before_anything_is_written() {
        String operator = Tokens.of("hubei-operator");
        String code = newCreditCode();
        Reply refused = importList(operator, "missing.csv", ("统一社会信用代码,企业名称,所在地区代码\n" + code
                + ",缺列公司,420100\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.json().getString("detail").contains("国民经济行业代码"), refused.body());
        assertEquals(404, Api.get("/api/enterprises/" + code, operator).status());
        assertEquals(400, importList(operator, "empty.csv", new byte[0]).status());
    }

    @Test
    void a_bad_profile_is_refused_field_by_field_and_nothing_is_saved() {
        String operator = Tokens.of("hubei-operator");
        String code = newCreditCode();
        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        Reply refused = Api.sendJson("POST", "/api/enterprises", operator, null,
                profile(wrongCheck, "坏数据公司").replace("\"3841\"", "\"9999\""));
        assertEquals(400, refused.status(), refused.body());
        AccessControlIT.assertProblem(refused, "urn:ipop:problem:validation");
        List<String> fields = refused.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field")).toList();
        assertEquals(List.of("creditCode", "industryClasses"), fields);
        assertEquals(404, Api.get("/api/enterprises/" + wrongCheck, operator).status());
    }

    @Test
    void another_tenant_can_neither_read_nor_change_an_enterprise() {
        String hubei = Tokens.of("hubei-operator");
        String wuhan = Tokens.of("wuhan-operator");
        String code = newCreditCode();
        assertEquals(200, Api.sendJson("POST", "/api/enterprises", hubei, null, profile(code, "湖北独有公司")).status());

        assertEquals(404, Api.get("/api/enterprises/" + code, wuhan).status());
        assertFalse(Api.get("/api/enterprises?q=" + code, wuhan).body().contains(code));
        // The same credit code in 武汉 is 武汉's own record: 湖北's stays as it was.
        assertEquals(200, Api.sendJson("PUT", "/api/enterprises/" + code, wuhan, null, profile(code, "武汉改名公司"))
                .status());
        assertEquals("湖北独有公司", Api.get("/api/enterprises/" + code, hubei).json().getJsonObject("profile")
                .getString("name"));
        assertTrue(Api.get("/api/enterprises?q=" + code, hubei).body().contains("湖北独有公司"));
    }

    @Test
    void a_demand_is_posted_seen_by_its_centre_only_and_published_with_public_fields() {
        String enterprise = Tokens.of("hubei-enterprise");
        String code = enterpriseOf("hubei-enterprise", enterprise);
        Reply posted = Api.sendJson("POST", "/api/demands", enterprise, null, """
                {"title": "燃料电池膜电极寿命提升", "problem": "现有膜电极在动态工况下衰减快，需要提高寿命并降低铂载量",
                 "segment": "6.4", "budgetMin": 50, "budgetMax": 200, "modes": ["LICENCE", "JOINT_DEVELOPMENT"],
                 "deadline": "2030-06-30"}""");
        assertEquals(201, posted.status(), posted.body());
        String id = posted.json().getString("id");
        assertEquals("生物质能及其他新能源产业", posted.json().getString("segmentName"));
        assertEquals(code, posted.json().getString("enterpriseCode"));

        Reply bad = Api.sendJson("POST", "/api/demands", enterprise, null,
                "{\"title\": \"\", \"problem\": \"短\", \"budgetMin\": 9, \"budgetMax\": 1}");
        assertEquals(400, bad.status(), bad.body());

        assertTrue(Api.get("/api/demands/mine", enterprise).body().contains(id));
        assertTrue(Api.get("/api/demands", Tokens.of("hubei-tto")).body().contains(id), "institutions answer demands");
        String wuhan = Tokens.of("wuhan-operator");
        assertFalse(Api.get("/api/demands", wuhan).body().contains(id));
        assertEquals(404, Api.get("/api/demands/" + id, wuhan).status());
        assertEquals(404, Api.call("POST", "/api/demands/" + id + "/publish", wuhan, null, null, null).status());
        assertEquals(404, Api.call("POST", "/api/demands/" + id + "/close", Tokens.of("wuhan-enterprise"), null,
                null, null).status());

        String operator = Tokens.of("hubei-operator");
        assertEquals(200, Api.call("POST", "/api/demands/" + id + "/publish", operator, null, null, null).status());
        Reply network = Api.get("/api/network/demands?size=100", null);
        assertEquals(200, network.status());
        JsonObject published = network.array().getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("demandId").equals(id)).findFirst().orElseThrow();
        assertEquals("hubei", published.getString("tenantId"));
        assertFalse(published.toString().contains(code), "the credit code stays in the tenant");

        Reply closed = Api.call("POST", "/api/demands/" + id + "/close", enterprise, null, null, null);
        assertEquals("CLOSED", closed.json().getString("status"));
        assertFalse(Api.get("/api/network/demands?size=100", null).body().contains(id), "closing withdraws it");
    }
}
