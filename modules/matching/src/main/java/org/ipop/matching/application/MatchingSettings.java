package org.ipop.matching.application;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.ipop.kernel.FieldError;

/**
 * The {@code matching} section of a tenant descriptor's {@code moduleSettings}:
 * {@code {"pushIncrementalMatches": true}} pushes the results of incremental matching (newly admitted patents,
 * created or changed enterprises) into the inboxes at once, instead of leaving them in the continuous campaign for
 * an operator's push. Without the section nothing is pushed automatically.
 */
public record MatchingSettings(boolean pushIncrementalMatches) {

    /** The module id of matching in descriptors ({@code enabledModules}, {@code moduleSettings}). */
    public static final String MODULE = "matching";
    static final String PUSH = "pushIncrementalMatches";

    public static MatchingSettings defaults() {
        return new MatchingSettings(false);
    }

    /** The problems of a section: only known settings, each of its type. */
    static List<FieldError> check(JsonObject section) {
        List<FieldError> errors = new ArrayList<>();
        section.forEach((key, value) -> {
            if (!key.equals(PUSH)) {
                errors.add(new FieldError(key, null, "unknown setting; known: " + PUSH));
            } else if (value.getValueType() != JsonValue.ValueType.TRUE
                    && value.getValueType() != JsonValue.ValueType.FALSE) {
                errors.add(new FieldError(key, value.toString(), "must be true or false"));
            }
        });
        return errors;
    }

    /** The settings of a valid section (checked when the descriptor was loaded). */
    static MatchingSettings of(JsonObject section) {
        return new MatchingSettings(section.getBoolean(PUSH, false));
    }

    /** The same from the section's JSON text, as a descriptor keeps it ({@code TenantDescriptor.settings}). */
    static MatchingSettings of(String section) {
        try (JsonReader reader = Json.createReader(new StringReader(section))) {
            return of(reader.readObject());
        }
    }
}
