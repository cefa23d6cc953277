package org.ipop.matching.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.TenantId;
import org.ipop.library.application.LibrarySettingsValidator;
import org.ipop.tenancy.TenantDescriptor;
import org.ipop.tenancy.TenantDescriptors;
import org.junit.jupiter.api.Test;

/** The matching section of a descriptor: only known settings of the right type; the demo descriptors pass. */
class MatchingSettingsTest {

    private final MatchingSettingsValidator validator = new MatchingSettingsValidator();

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void a_known_boolean_passes_and_anything_else_is_refused_with_its_field() {
        assertEquals(List.of(), validator.check(json("{\"pushIncrementalMatches\": true}")));
        assertTrue(MatchingSettings.of(json("{\"pushIncrementalMatches\": true}")).pushIncrementalMatches());
        assertFalse(MatchingSettings.of(json("{}")).pushIncrementalMatches());
        assertEquals(List.of(new FieldError("pushIncrementalMatches", "\"yes\"", "must be true or false")),
                validator.check(json("{\"pushIncrementalMatches\": \"yes\"}")));
        assertEquals("autoPush", validator.check(json("{\"autoPush\": true}")).getFirst().field());
    }

    @Test
    void the_projects_own_descriptors_pass_and_the_hydrogen_centre_pushes_incremental_matches() {
        List<TenantDescriptor> tenants = TenantDescriptors.readDirectory(Path.of("../../tenants"),
                List.of(validator, new LibrarySettingsValidator()));
        TenantDescriptor hydrogen = tenants.stream().filter(t -> t.id().equals(new TenantId("hydrogen")))
                .findFirst().orElseThrow();
        assertTrue(hydrogen.settings(MatchingSettings.MODULE).map(MatchingSettings::of).orElseThrow()
                .pushIncrementalMatches());
        assertTrue(tenants.stream().filter(t -> !t.id().equals(hydrogen.id()))
                .noneMatch(t -> t.moduleSettings().containsKey(MatchingSettings.MODULE)),
                "the regional centres leave incremental results to their operators");
    }
}
