package org.ipop.app.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.ipop.persistence.Databases;

@Readiness
@ApplicationScoped
public class MongoReadiness implements HealthCheck {

    private final Databases databases;

    @Inject
    public MongoReadiness(Databases databases) {
        this.databases = databases;
    }

    /** For CDI's client proxy only. */
    protected MongoReadiness() {
        this(null);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            databases.ping();
            return HealthCheckResponse.up("mongodb");
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("mongodb").down().withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
