package org.ipop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ipop.app.support.Api;
import org.ipop.app.support.CrashableLiberty;
import org.ipop.app.support.RealKeycloak;
import org.ipop.app.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the README promises a newcomer who runs {@code ./ipop run}: whichever demo user logs in finds a populated,
 * working platform. A server of its own, started with demo data on an empty data directory (the Arquillian server
 * runs without), must seed every demo tenant by itself: a library imported through the real importer with every
 * screening state represented, its import jobs completed without errors, enterprises, a matching campaign, and
 * published patents in the network catalogue.
 */
@ExtendWith(RealKeycloak.class)
class DemoDataIT {

    /** The demo tenants (tenants/*.json) and their operators; seeded in this order, one after the other. */
    private static final Map<String, String> OPERATORS = Map.of("hubei", "hubei-operator", "wuhan", "wuhan-operator",
            "hydrogen", "hydrogen-operator");

    @Test
    void a_server_started_with_demo_data_seeds_every_demo_tenant() throws Exception {
        Path target = Path.of(System.getProperty("ipop.war")).getParent();
        try (CrashableLiberty liberty = CrashableLiberty.start(19081, target.resolve("demo-test/data"),
                "-Dipop.demo-data=true")) {
            String api = liberty.baseUrl() + "/api";
            Map<String, String> tokens = new HashMap<>();
            OPERATORS.forEach((tenant, operator) -> tokens.put(tenant, Tokens.of(operator)));
            // Seeding runs in the background after the start; a tenant's enterprises come last.
            long deadline = System.currentTimeMillis() + 240_000;
            for (String tenant : OPERATORS.keySet()) {
                while (Api.get(api + "/enterprises?size=1", tokens.get(tenant)).json().getInt("total") == 0) {
                    assertTrue(System.currentTimeMillis() < deadline,
                            "no demo enterprises for " + tenant + " in 240 s");
                    Thread.sleep(1_000);
                }
            }

            for (String tenant : OPERATORS.keySet()) {
                String token = tokens.get(tenant);
                JsonObject library = Api.get(api + "/library/patents?size=1", token).json();
                assertTrue(library.getInt("total") >= 100, tenant + ": " + library.getInt("total") + " patents");
                Set<String> states = library.getJsonObject("facets").getJsonArray("status")
                        .getValuesAs(JsonObject.class).stream().filter(count -> count.getInt("count") > 0)
                        .map(count -> count.getString("value")).collect(Collectors.toSet());
                assertEquals(Set.of("INVENTORIED", "SELF_ASSESSED", "ADMITTED", "FLAGGED_UNCLEAR", "REJECTED"), states,
                        tenant + ": every screening state is represented, a review queue among them");
                assertFalse(library.getJsonObject("facets").getJsonArray("segment").isEmpty(),
                        tenant + ": patents are tagged with industry segments");

                JsonArray imports = Api.get(api + "/library/imports", token).array();
                assertFalse(imports.isEmpty(), tenant + ": the inventories were imported as jobs");
                for (JsonObject job : imports.getValuesAs(JsonObject.class)) {
                    assertEquals("COMPLETED", job.getString("status"), tenant + ": " + job);
                    assertEquals(0, job.getInt("errorRows"), tenant + ": " + job);
                }
                assertFalse(Api.get(api + "/matching/campaigns", token).array().isEmpty(),
                        tenant + ": a matching campaign");
            }

            // The institution's technology-transfer office sees its universities' patents.
            assertTrue(Api.get(api + "/library/patents?size=1", Tokens.of("hubei-tto")).json().getInt("total") > 0);
            // Part of what was admitted is published: the public catalogue (no login) holds patents of every tenant.
            Set<String> publishers = Api.get(api + "/network/patents?size=100", null).array()
                    .getValuesAs(JsonObject.class).stream().map(entry -> entry.getString("tenantId"))
                    .collect(Collectors.toSet());
            assertTrue(publishers.size() >= 2, "published by " + publishers);
        }
    }
}
