package org.ipop.tenancy.descriptor;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.TenantId;
import org.ipop.kernel.ValidationFailed;
import org.ipop.reference.ReferenceData;
import org.ipop.tenancy.PlatformModules;
import org.ipop.tenancy.TenantDescriptor;
import org.ipop.tenancy.TenantDescriptor.Administrator;
import org.ipop.tenancy.TenantDescriptor.Branding;
import org.ipop.tenancy.TenantDescriptor.Contact;
import org.ipop.tenancy.TenantDescriptor.Names;
import org.ipop.tenancy.TenantKind;

/**
 * Turns a descriptor's JSON into a {@link TenantDescriptor}, or refuses it with every problem found, each named
 * {@code source: field} so that an operator can fix a file without guessing. Unknown fields are refused too: a
 * misspelt {@code enabledModule} would otherwise silently switch a capability off.
 */
public final class DescriptorParser {

    private static final Set<String> FIELDS = Set.of("id", "names", "kind", "regionCode", "focusIndustries",
            "enabledModules", "moduleSettings", "contact", "branding", "administrator");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");

    private final ReferenceData reference;
    private final String source;
    private final List<FieldError> errors = new ArrayList<>();

    private DescriptorParser(ReferenceData reference, String source) {
        this.reference = reference;
        this.source = source;
    }

    /**
     * @param source the file the JSON came from, named in every error's field ("hubei.json: regionCode"), or
     *               {@code null} for JSON sent to the API, whose errors name the field alone
     */
    public static TenantDescriptor parse(String source, String json, ReferenceData reference) {
        return new DescriptorParser(reference, source).parse(json);
    }

    private TenantDescriptor parse(String json) {
        JsonObject root;
        try {
            JsonValue value = Json.createReader(new StringReader(json)).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw refused(new FieldError(source == null ? "request" : source, null,
                        "a tenant descriptor must be a JSON object"));
            }
            root = value.asJsonObject();
        } catch (JsonParsingException e) {
            throw refused(new FieldError(source == null ? "request" : source, null,
                    "not valid JSON: " + e.getMessage()));
        }
        for (String field : root.keySet()) {
            if (!FIELDS.contains(field)) {
                error(field, null, "unknown field (known: " + String.join(", ", FIELDS.stream().sorted().toList())
                        + ")");
            }
        }
        String id = text(root, "id", true);
        if (id != null && !TenantId.isValid(id)) {
            error("id", id, "must be 2–40 lower-case letters, digits or '-', starting with a letter");
        }
        JsonObject names = object(root, "names", true);
        String nameZh = names == null ? null : text(names, "names.zh", "zh", true);
        String nameEn = names == null ? null : text(names, "names.en", "en", true);
        TenantKind kind = kind(text(root, "kind", true));
        String regionCode = text(root, "regionCode", true);
        if (regionCode != null && reference.region(regionCode).isEmpty()) {
            error("regionCode", regionCode, "unknown administrative division code (6 digits, e.g. 420000 湖北省)");
        }
        List<String> industries = codes(root, "focusIndustries");
        for (int i = 0; i < industries.size(); i++) {
            if (reference.industryBranch(industries.get(i)).isEmpty()) {
                error("focusIndustries[" + i + "]", industries.get(i),
                        "unknown strategic-emerging-industry branch (SEI 2021 codes such as 6.4)");
            }
        }
        if (industries.isEmpty() && (kind == TenantKind.INDUSTRY || kind == TenantKind.ALLIANCE)) {
            error("focusIndustries", null, "an industry centre or alliance needs at least one focus industry");
        }
        List<String> modules = codes(root, "enabledModules");
        for (int i = 0; i < modules.size(); i++) {
            if (!PlatformModules.ALL.contains(modules.get(i))) {
                error("enabledModules[" + i + "]", modules.get(i),
                        "unknown module (known: " + String.join(", ", PlatformModules.ALL) + ")");
            }
        }
        Map<String, String> moduleSettings = moduleSettings(object(root, "moduleSettings", false));
        Contact contact = contact(object(root, "contact", true));
        Branding branding = branding(object(root, "branding", false));
        Administrator administrator = administrator(object(root, "administrator", true));
        if (!errors.isEmpty()) {
            throw new ValidationFailed(summary(), errors);
        }
        return new TenantDescriptor(TenantId.of(id), new Names(nameZh, nameEn), kind, regionCode, industries,
                modules, moduleSettings, contact, branding, administrator);
    }

    /**
     * Each module's section, kept as JSON text: here only its shape is checked (an object per known module id);
     * what is inside is the module's to check, through its {@code ModuleSettingsValidator}.
     */
    private Map<String, String> moduleSettings(JsonObject settings) {
        Map<String, String> sections = new LinkedHashMap<>();
        if (settings == null) {
            return sections;
        }
        for (Map.Entry<String, JsonValue> section : settings.entrySet()) {
            String field = "moduleSettings." + section.getKey();
            if (!PlatformModules.ALL.contains(section.getKey())) {
                error(field, null, "unknown module (known: " + String.join(", ", PlatformModules.ALL) + ")");
            } else if (section.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
                error(field, section.getValue().toString(), "must be an object: the module's settings");
            } else {
                sections.put(section.getKey(), section.getValue().toString());
            }
        }
        return sections;
    }

    private TenantKind kind(String value) {
        if (value == null) {
            return null;
        }
        try {
            return TenantKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error("kind", value, "must be one of regional, industry, alliance");
            return null;
        }
    }

    private Contact contact(JsonObject contact) {
        if (contact == null) {
            return null;
        }
        String name = text(contact, "contact.name", "name", true);
        String email = text(contact, "contact.email", "email", true);
        if (email != null && !EMAIL.matcher(email).matches()) {
            error("contact.email", email, "not an e-mail address");
        }
        return new Contact(name, email, text(contact, "contact.phone", "phone", false));
    }

    private Branding branding(JsonObject branding) {
        if (branding == null) {
            return new Branding(null);
        }
        String color = text(branding, "branding.primaryColor", "primaryColor", false);
        if (color != null && !COLOR.matcher(color).matches()) {
            error("branding.primaryColor", color, "must be a colour like #1f5fa8");
        }
        return new Branding(color);
    }

    private Administrator administrator(JsonObject administrator) {
        if (administrator == null) {
            return null;
        }
        String username = text(administrator, "administrator.username", "username", true);
        if (username != null && !USERNAME.matcher(username).matches()) {
            error("administrator.username", username, "3–50 lower-case letters, digits, '.', '_' or '-'");
        }
        String email = text(administrator, "administrator.email", "email", true);
        if (email != null && !EMAIL.matcher(email).matches()) {
            error("administrator.email", email, "not an e-mail address");
        }
        return new Administrator(username, email, text(administrator, "administrator.name", "name", false));
    }

    private List<String> codes(JsonObject root, String field) {
        JsonValue value = root.get(field);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            error(field, value.toString(), "must be a list of codes");
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        JsonArray array = value.asJsonArray();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString code) {
                if (codes.contains(code.getString())) {
                    error(field + "[" + i + "]", code.getString(), "listed twice");
                } else {
                    codes.add(code.getString());
                }
            } else {
                error(field + "[" + i + "]", array.get(i).toString(), "must be a text code");
            }
        }
        return codes;
    }

    private JsonObject object(JsonObject parent, String field, boolean required) {
        JsonValue value = parent.get(field);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                error(field, null, "is required");
            }
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            error(field, value.toString(), "must be an object");
            return null;
        }
        return value.asJsonObject();
    }

    private String text(JsonObject parent, String field, boolean required) {
        return text(parent, field, field, required);
    }

    private String text(JsonObject parent, String path, String field, boolean required) {
        JsonValue value = parent.get(field);
        if (value == null || value == JsonValue.NULL
                || (value instanceof JsonString s && s.getString().isBlank())) {
            if (required) {
                error(path, null, "is required");
            }
            return null;
        }
        if (!(value instanceof JsonString s)) {
            error(path, value.toString(), "must be text");
            return null;
        }
        return s.getString().strip();
    }

    private void error(String field, String value, String reason) {
        errors.add(new FieldError(source == null ? field : source + ": " + field, value, reason));
    }

    private ValidationFailed refused(FieldError error) {
        return new ValidationFailed(summary(), List.of(error));
    }

    private String summary() {
        return source == null ? "The tenant descriptor is not valid" : "The tenant descriptor " + source
                + " is not valid";
    }
}
