package org.ipop.app.support;

import java.util.Map;

/** Access tokens from the real Keycloak, for the demo users of the realm (password grant of the ipop-cli client). */
public final class Tokens {

    public static final String DEMO_PASSWORD = "demo1234";

    private Tokens() {
    }

    public static String of(String username) {
        return of("ipop", username, DEMO_PASSWORD, null);
    }

    /** With {@code organization:*} a member of several organizations gets all of them in the token. */
    public static String withAllOrganizations(String username) {
        return of("ipop", username, DEMO_PASSWORD, "openid organization:*");
    }

    public static String of(String realm, String username, String password, String scope) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("grant_type", "password", "client_id", "ipop-cli",
                "username", username, "password", password));
        if (scope != null) {
            form.put("scope", scope);
        }
        Api.Reply reply = Api.form(RealKeycloak.URL + "/realms/" + realm + "/protocol/openid-connect/token", form,
                null);
        if (reply.status() != 200) {
            throw new AssertionError("no token for " + username + "@" + realm + ": " + reply.body());
        }
        return reply.json().getString("access_token");
    }
}
