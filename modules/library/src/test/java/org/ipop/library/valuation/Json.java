package org.ipop.library.valuation;

import jakarta.json.JsonObject;
import java.io.StringReader;

/** Reads the configuration snippets of the tests; single quotes stand for double quotes, for readability. */
final class Json {

    private Json() {
    }

    static JsonObject object(String json) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(json.replace('\'', '"')))) {
            return reader.readObject();
        }
    }
}
