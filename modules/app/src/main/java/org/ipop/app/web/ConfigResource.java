package org.ipop.app.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What the web front end needs to start the login: where Keycloak is, which realm and which client. */
@Path("config")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {

    public record ClientConfig(String keycloakUrl, String realm, String clientId) {
    }

    private final ClientConfig config;

    @Inject
    public ConfigResource(@ConfigProperty(name = "ipop.keycloak.public-url") String keycloakUrl,
            @ConfigProperty(name = "ipop.keycloak.realm", defaultValue = "ipop") String realm,
            @ConfigProperty(name = "ipop.keycloak.web-client-id", defaultValue = "ipop-web") String clientId) {
        this.config = new ClientConfig(keycloakUrl, realm, clientId);
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public ConfigResource() {
        this.config = null;
    }

    @GET
    public ClientConfig config() {
        return config;
    }
}
