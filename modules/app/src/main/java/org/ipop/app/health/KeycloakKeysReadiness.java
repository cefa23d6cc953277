package org.ipop.app.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Tokens can only be verified while the realm's key set can be fetched: without it, every login fails. */
@Readiness
@ApplicationScoped
public class KeycloakKeysReadiness implements HealthCheck {

    private final URI keySet;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    public KeycloakKeysReadiness(@ConfigProperty(name = "mp.jwt.verify.publickey.location") String keySet) {
        this.keySet = URI.create(keySet);
    }

    /** For CDI's client proxy only. */
    protected KeycloakKeysReadiness() {
        this.keySet = null;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(keySet).timeout(Duration.ofSeconds(3))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            boolean hasKeys = response.statusCode() == 200 && response.body().contains("\"keys\"")
                    && response.body().contains("\"kid\"");
            return HealthCheckResponse.named("keycloak-keys").status(hasKeys).withData("url", keySet.toString())
                    .withData("status", response.statusCode()).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return HealthCheckResponse.named("keycloak-keys").down().withData("url", keySet.toString())
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
