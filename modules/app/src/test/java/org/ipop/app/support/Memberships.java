package org.ipop.app.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Makes a technology-transfer office user a member of institutions of its tenant, as an operator does. */
public final class Memberships {

    private Memberships() {
    }

    /** Registers each institution unless it exists (201 or 409) and adds {@code tto} to it; idempotent. */
    public static void ensure(String operator, String tto, String... institutions) {
        String token = Tokens.of(operator);
        for (String institution : institutions) {
            Api.Reply registered = Api.sendJson("POST", "/api/library/institutions", token, null,
                    "{\"name\":\"" + institution + "\"}");
            if (registered.status() != 201 && registered.status() != 409) {
                throw new AssertionError("registering " + institution + ": HTTP " + registered.status() + " "
                        + registered.body());
            }
            Api.Reply added = Api.call("PUT", "/api/library/institutions/" + path(institution) + "/members/" + tto,
                    token, null, null, null);
            if (added.status() != 200) {
                throw new AssertionError("adding " + tto + " to " + institution + ": HTTP " + added.status() + " "
                        + added.body());
            }
        }
    }

    public static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
