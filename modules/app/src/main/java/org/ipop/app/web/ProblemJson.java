package org.ipop.app.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import org.ipop.kernel.FieldError;

/** Writes problem details as RFC 9457 JSON, leaving out the members that have no value. */
final class ProblemJson {

    private ProblemJson() {
    }

    static String toJson(Problem problem) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", problem.type())
                .add("title", problem.title())
                .add("status", problem.status());
        if (problem.detail() != null) {
            json.add("detail", problem.detail());
        }
        if (problem.instance() != null) {
            json.add("instance", problem.instance());
        }
        if (problem.errors() != null) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            for (FieldError error : problem.errors()) {
                JsonObjectBuilder entry = Json.createObjectBuilder().add("field", error.field())
                        .add("reason", error.reason());
                if (error.value() != null) {
                    entry.add("value", error.value());
                }
                errors.add(entry);
            }
            json.add("errors", errors);
        }
        return json.build().toString();
    }

    static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE + ";charset=UTF-8").entity(toJson(problem))
                .build();
    }
}
