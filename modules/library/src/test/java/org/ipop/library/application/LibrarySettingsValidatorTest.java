package org.ipop.library.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.ValidationFailed;
import org.ipop.tenancy.ModuleSettingsValidator;
import org.ipop.tenancy.TenantDescriptor;
import org.ipop.tenancy.TenantDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's section of a descriptor is checked when descriptors are read at start-up (Tenants.load). */
class LibrarySettingsValidatorTest {

    private static final Path TENANTS = Path.of("../../tenants");
    private final LibrarySettingsValidator validator = new LibrarySettingsValidator();
    /** Every module's own validator checks its section; the library cannot see matching's, so this one is silent. */
    static final ModuleSettingsValidator MATCHING_SECTION = new ModuleSettingsValidator() {
        @Override
        public String module() {
            return "matching";
        }

        @Override
        public List<FieldError> check(JsonObject settings) {
            return List.of();
        }
    };

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void a_valid_section_passes_and_a_refused_one_is_one_error_with_its_field() {
        assertEquals(List.of(), validator.check(json(PatentAnalyzerTenantSettingsTest.hydrogenSection())));
        assertEquals(List.of(new FieldError("tierPolicy.tiers[0].minScore", null, "must be between 0 and 100")),
                validator.check(json("""
                        {"tierPolicy": {"tiers": [{"code": "A", "names": {"zh": "甲", "en": "A"}, "minScore": 700}],
                                        "defaultTier": {"code": "C", "names": {"zh": "丙", "en": "C"}}}}""")));
    }

    @Test
    void the_projects_own_descriptors_pass_with_the_library_checking_its_sections() {
        List<TenantDescriptor> tenants = TenantDescriptors.readDirectory(TENANTS, List.of(validator, MATCHING_SECTION));
        assertTrue(tenants.stream().anyMatch(t -> t.settings(LibrarySettingsValidator.MODULE).isPresent()),
                "a demo tenant has its own valuation settings");
    }

    @Test
    void a_descriptor_file_with_a_wrong_section_stops_the_start_naming_file_and_field(@TempDir Path directory)
            throws Exception {
        String hydrogen = Files.readString(TENANTS.resolve("hydrogen.json"), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("hydrogen.json"),
                hydrogen.replace("\"minScore\": 40", "\"minScore\": \"40\""), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("hubei.json"), Files.readString(TENANTS.resolve("hubei.json")));

        ValidationFailed refused = assertThrows(ValidationFailed.class,
                () -> TenantDescriptors.readDirectory(directory, List.of(validator, MATCHING_SECTION)));

        assertEquals(List.of(new FieldError(
                "hydrogen.json: moduleSettings.resource-library.tierPolicy.tiers[1].minScore", null,
                "must be a number")), refused.errors());
        assertTrue(refused.getMessage().contains("hydrogen.json: moduleSettings.resource-library.tierPolicy.tiers[1]"
                + ".minScore: must be a number"), refused.getMessage());
    }
}
