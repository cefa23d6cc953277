package org.ipop.library.valuation;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Optional;

/**
 * Reads tenant configuration (weights, tier policies) from JSON-P values. Every refusal is an
 * {@link IllegalArgumentException} whose message starts with the path of the offending field, such as
 * {@code tiers[1].minScore: must be between 0 and 100}, so that an administrator can fix the configuration
 * without guessing. Unknown fields are refused: a misspelt key would otherwise be ignored without a word.
 */
final class JsonConfig {

    private JsonConfig() {
    }

    static IllegalArgumentException refused(String path, String reason) {
        return new IllegalArgumentException(path + ": " + reason);
    }

    static void refuseUnknownFields(JsonObject object, String path, Collection<String> known) {
        for (String field : object.keySet()) {
            if (!known.contains(field)) {
                throw refused(child(path, field), "unknown field (known: " + String.join(", ", known) + ")");
            }
        }
    }

    static Optional<JsonObject> object(JsonObject parent, String path, String field) {
        return value(parent, field).map(value -> {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw refused(child(path, field), "must be an object");
            }
            return value.asJsonObject();
        });
    }

    static Optional<JsonArray> array(JsonObject parent, String path, String field) {
        return value(parent, field).map(value -> {
            if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                throw refused(child(path, field), "must be an array");
            }
            return value.asJsonArray();
        });
    }

    static Optional<String> text(JsonObject parent, String path, String field) {
        return value(parent, field).map(value -> {
            if (!(value instanceof JsonString string) || string.getString().isBlank()) {
                throw refused(child(path, field), "must be a non-empty string");
            }
            return string.getString().strip();
        });
    }

    static Optional<Double> number(JsonObject parent, String path, String field) {
        return value(parent, field).map(value -> {
            if (!(value instanceof JsonNumber number)) {
                throw refused(child(path, field), "must be a number");
            }
            return number.doubleValue();
        });
    }

    static Optional<Integer> integer(JsonObject parent, String path, String field) {
        return value(parent, field).map(value -> {
            if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
                throw refused(child(path, field), "must be a whole number");
            }
            try {
                return number.intValueExact();
            } catch (ArithmeticException tooLarge) {
                throw refused(child(path, field), "must be a whole number below " + Integer.MAX_VALUE);
            }
        });
    }

    static <T> T required(Optional<T> value, String path, String field) {
        return value.orElseThrow(() -> refused(child(path, field), "required"));
    }

    static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** A field set to JSON null counts as absent: "no override". */
    private static Optional<JsonValue> value(JsonObject parent, String field) {
        JsonValue value = parent.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? Optional.empty()
                : Optional.of(value);
    }
}
