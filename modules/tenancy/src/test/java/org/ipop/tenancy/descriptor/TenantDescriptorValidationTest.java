package org.ipop.tenancy.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.ValidationFailed;
import org.ipop.tenancy.ModuleSettingsValidator;
import org.ipop.tenancy.TenantDescriptor;
import org.ipop.tenancy.TenantDescriptors;
import org.ipop.tenancy.TenantKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantDescriptorValidationTest {

    static final String HUBEI = """
            {"id": "hubei", "names": {"zh": "湖北省知识产权运营中心", "en": "Hubei IP Operation Centre"},
             "kind": "regional", "regionCode": "420000", "focusIndustries": ["6.4", "2.1"],
             "enabledModules": ["resource-library", "matching"],
             "contact": {"name": "张敏", "email": "ops@hubei.example.cn", "phone": "027-00000000"},
             "branding": {"primaryColor": "#b22222"},
             "administrator": {"username": "hubei-admin", "email": "admin@hubei.example.cn", "name": "湖北管理员"}}
            """;

    @Test
    void a_complete_descriptor_is_read_with_every_field() {
        TenantDescriptor hubei = TenantDescriptors.parse("hubei.json", HUBEI);
        assertEquals("hubei", hubei.id().value());
        assertEquals("湖北省知识产权运营中心", hubei.names().zh());
        assertEquals(TenantKind.REGIONAL, hubei.kind());
        assertEquals(List.of("6.4", "2.1"), hubei.focusIndustries());
        assertEquals("hubei-admin", hubei.administrator().username());
    }

    @Test
    void writing_and_reading_again_gives_the_same_descriptor() {
        TenantDescriptor hubei = TenantDescriptors.parse("hubei.json", HUBEI);
        assertEquals(hubei, TenantDescriptors.parse("again", TenantDescriptors.toJson(hubei)));
    }

    @Test
    void an_unknown_region_code_is_named_with_file_and_field() {
        ValidationFailed refused = refuse(HUBEI.replace("\"420000\"", "\"429999\""));
        assertEquals(List.of("hubei.json: regionCode"), fields(refused));
        assertEquals("429999", refused.errors().get(0).value());
    }

    @Test
    void an_unknown_industry_code_is_named_with_its_position() {
        ValidationFailed refused = refuse(HUBEI.replace("\"2.1\"", "\"2.9\""));
        assertEquals(List.of("hubei.json: focusIndustries[1]"), fields(refused));
    }

    @Test
    void every_error_is_reported_at_once_not_only_the_first() {
        ValidationFailed refused = refuse(HUBEI.replace("\"regional\"", "\"province\"")
                .replace("\"matching\"", "\"matchmaking\"").replace("\"#b22222\"", "\"red\"")
                .replace("\"ops@hubei.example.cn\"", "\"nobody\""));
        assertEquals(List.of("hubei.json: kind", "hubei.json: enabledModules[1]", "hubei.json: contact.email",
                "hubei.json: branding.primaryColor"), fields(refused));
    }

    @Test
    void missing_required_fields_and_unknown_fields_are_refused() {
        ValidationFailed refused = refuse("""
                {"id": "Hubei", "names": {"zh": "湖北"}, "kind": "industry", "regionCode": "420000",
                 "contact": {"name": "张敏", "email": "ops@hubei.example.cn"}, "enabledModule": []}
                """);
        assertEquals(List.of("hubei.json: enabledModule", "hubei.json: id", "hubei.json: names.en",
                "hubei.json: focusIndustries", "hubei.json: administrator"), fields(refused));
    }

    @Test
    void broken_json_is_refused_naming_the_file() {
        ValidationFailed refused = refuse("{\"id\": \"hubei\",");
        assertEquals(List.of("hubei.json"), fields(refused));
        assertTrue(refused.errors().get(0).reason().startsWith("not valid JSON"));
    }

    @Test
    void a_directory_with_two_files_for_one_tenant_is_refused_naming_both(@TempDir Path directory)
            throws Exception {
        Files.writeString(directory.resolve("a-hubei.json"), HUBEI);
        Files.writeString(directory.resolve("b-hubei-copy.json"), HUBEI);
        ValidationFailed refused = assertThrows(ValidationFailed.class,
                () -> TenantDescriptors.readDirectory(directory));
        FieldError duplicate = refused.errors().get(0);
        assertEquals("b-hubei-copy.json: id", duplicate.field());
        assertTrue(duplicate.reason().contains("a-hubei.json"), duplicate.reason());
    }

    @Test
    void the_projects_own_tenant_descriptors_are_valid() {
        List<TenantDescriptor> tenants = TenantDescriptors.readDirectory(Path.of("../../tenants"));
        assertTrue(tenants.size() >= 3, "three demo tenants at least");
        assertTrue(tenants.stream().anyMatch(t -> t.kind() != TenantKind.REGIONAL), "an industry centre or alliance");
    }

    static final String LIBRARY_SETTINGS = HUBEI.replace("\"contact\":", """
            "moduleSettings": {"resource-library": {"tierPolicy": {"minScore": 75, "names": ["甲", "乙"]}}},
            "contact":""");
    static final String WITH_SETTINGS = LIBRARY_SETTINGS.replace("]}}}", "]}}, \"matching\": {}}");

    @Test
    void module_settings_are_kept_per_module_as_json_text() {
        TenantDescriptor hubei = TenantDescriptors.parse("hubei.json", WITH_SETTINGS);
        assertEquals(List.of("resource-library", "matching"), List.copyOf(hubei.moduleSettings().keySet()));
        assertEquals(Optional.of("{\"tierPolicy\":{\"minScore\":75,\"names\":[\"甲\",\"乙\"]}}"),
                hubei.settings("resource-library"));
        assertEquals(Optional.of("{}"), hubei.settings("matching"));
        assertEquals(Optional.empty(), hubei.settings("finance"));
        assertEquals(Map.of(), TenantDescriptors.parse("hubei.json", HUBEI).moduleSettings(), "the field is optional");
    }

    @Test
    void module_settings_survive_writing_and_reading_again_and_a_profile_change() {
        TenantDescriptor hubei = TenantDescriptors.parse("hubei.json", WITH_SETTINGS);
        TenantDescriptor again = TenantDescriptors.parse("again", TenantDescriptors.toJson(hubei));
        assertEquals(hubei, again);
        assertEquals(hubei.moduleSettings(), again.moduleSettings());
        assertEquals(hubei.moduleSettings(), hubei.withProfile(hubei.contact(), hubei.branding()).moduleSettings());
    }

    @Test
    void module_settings_must_be_an_object_of_objects_keyed_by_known_modules() {
        assertEquals(List.of("hubei.json: moduleSettings"),
                fields(refuse(HUBEI.replace("\"contact\":", "\"moduleSettings\": [], \"contact\":"))));
        ValidationFailed refused = refuse(HUBEI.replace("\"contact\":", """
                "moduleSettings": {"resource-library": "tiers", "libary": {}, "finance": null},
                "contact":"""));
        assertEquals(List.of("hubei.json: moduleSettings.resource-library", "hubei.json: moduleSettings.libary",
                "hubei.json: moduleSettings.finance"), fields(refused));
        assertTrue(refused.errors().get(1).reason().startsWith("unknown module (known: resource-library"),
                refused.errors().get(1).reason());
        assertTrue(refused.errors().get(0).reason().startsWith("must be an object"), refused.errors().get(0).reason());
    }

    /** Refuses a section with a minScore above 100, as a capability module would. */
    private static final ModuleSettingsValidator LIBRARY = new ModuleSettingsValidator() {
        @Override
        public String module() {
            return "resource-library";
        }

        @Override
        public List<FieldError> check(JsonObject settings) {
            int minScore = settings.getJsonObject("tierPolicy").getInt("minScore");
            return minScore <= 100 ? List.of()
                    : List.of(new FieldError("tierPolicy.minScore", String.valueOf(minScore), "at most 100"));
        }
    };

    @Test
    void each_section_is_checked_by_its_module_and_errors_name_file_module_and_field() {
        TenantDescriptor valid = TenantDescriptors.parse("hubei.json", LIBRARY_SETTINGS);
        assertEquals(List.of(), TenantDescriptors.checkModuleSettings("hubei.json", valid, List.of(LIBRARY)));

        TenantDescriptor invalid = TenantDescriptors.parse("hubei.json", WITH_SETTINGS.replace("75", "175"));
        List<FieldError> errors = TenantDescriptors.checkModuleSettings("hubei.json", invalid, List.of(LIBRARY));
        assertEquals(List.of(new FieldError("hubei.json: moduleSettings.resource-library.tierPolicy.minScore", "175",
                "at most 100"), new FieldError("hubei.json: moduleSettings.matching", null,
                "the module takes no settings (yet)")), errors);
        assertEquals("moduleSettings.resource-library.tierPolicy.minScore",
                TenantDescriptors.checkModuleSettings(null, invalid, List.of(LIBRARY)).get(0).field(),
                "API input: the field alone");
    }

    @Test
    void a_directory_is_refused_when_a_module_refuses_its_section(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("hubei.json"), LIBRARY_SETTINGS.replace("75", "175"));
        assertEquals(1, TenantDescriptors.readDirectory(directory).size(), "without validators: shape only");
        ValidationFailed refused = assertThrows(ValidationFailed.class,
                () -> TenantDescriptors.readDirectory(directory, List.of(LIBRARY)));
        assertEquals(List.of("hubei.json: moduleSettings.resource-library.tierPolicy.minScore"), fields(refused));
        assertTrue(refused.getMessage().contains("hubei.json: moduleSettings.resource-library.tierPolicy.minScore = "
                + "'175': at most 100"), refused.getMessage());
    }

    private static ValidationFailed refuse(String json) {
        return assertThrows(ValidationFailed.class, () -> TenantDescriptors.parse("hubei.json", json));
    }

    private static List<String> fields(ValidationFailed failure) {
        return failure.errors().stream().map(FieldError::field).toList();
    }
}
