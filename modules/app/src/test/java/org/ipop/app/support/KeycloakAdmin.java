package org.ipop.app.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the real Keycloak's state through its admin REST API, to check what provisioning did there. */
public final class KeycloakAdmin {

    private final String token;

    public KeycloakAdmin() {
        this.token = Api.form(RealKeycloak.URL + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"),
                null).json().getString("access_token");
    }

    public List<JsonObject> organizationsWithAlias(String alias) {
        return get("/organizations?first=0&max=1000").getValuesAs(JsonObject.class).stream()
                .filter(org -> alias.equals(org.getString("alias", null))).toList();
    }

    public List<JsonObject> usersNamed(String username) {
        return get("/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8))
                .getValuesAs(JsonObject.class);
    }

    public List<String> memberUsernames(String organizationId) {
        return get("/organizations/" + organizationId + "/members?first=0&max=1000").getValuesAs(JsonObject.class)
                .stream().map(member -> member.getString("username")).toList();
    }

    public List<String> realmRolesOf(String userId) {
        return get("/users/" + userId + "/role-mappings/realm").getValuesAs(JsonObject.class).stream()
                .map(role -> role.getString("name")).toList();
    }

    public Optional<JsonObject> organization(String alias) {
        List<JsonObject> found = organizationsWithAlias(alias);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Creates an organization directly in Keycloak, as an administrator could outside the platform. */
    public void createOrganization(String alias, String name) {
        String json = Json.createObjectBuilder().add("alias", alias).add("name", name).add("enabled", true).build()
                .toString();
        Api.Reply reply = Api.send(HttpRequest.newBuilder(URI.create(RealKeycloak.URL + "/admin/realms/ipop"
                        + "/organizations")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        if (reply.status() != 201) {
            throw new AssertionError("Keycloak admin: creating organization " + alias + ": HTTP " + reply.status()
                    + " " + reply.body());
        }
    }

    private JsonArray get(String path) {
        Api.Reply reply = Api.send(HttpRequest.newBuilder(URI.create(RealKeycloak.URL + "/admin/realms/ipop" + path))
                .header("Authorization", "Bearer " + token).GET().build());
        if (reply.status() != 200) {
            throw new AssertionError("Keycloak admin GET " + path + ": HTTP " + reply.status() + " " + reply.body());
        }
        return reply.array();
    }
}
