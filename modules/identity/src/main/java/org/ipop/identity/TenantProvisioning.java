package org.ipop.identity;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipop.audit.AuditTrail;
import org.ipop.identity.keycloak.KeycloakProvisioner;
import org.ipop.kernel.TenantId;
import org.ipop.tenancy.ManagedExecutors;
import org.ipop.tenancy.TenantDescriptor;
import org.ipop.tenancy.TenantRegistered;
import org.ipop.tenancy.Tenants;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * Reconciles Keycloak with the tenant registry: at every start for all tenants (retrying in the background while
 * Keycloak is not reachable yet), and for each tenant registered at run time. Provisioning is idempotent, so a
 * registration event delivered twice, or a start after a crash, does no harm.
 */
@ApplicationScoped
public class TenantProvisioning {

    private static final Logger LOG = Logger.getLogger(TenantProvisioning.class.getName());
    private static final long RETRY_SECONDS = 10;
    private static final long OUTBOX_SWEEP_SECONDS = 30;

    private final Tenants tenants;
    private volatile ScheduledFuture<?> outboxSweep;
    private final AuditTrail audit;
    private final String serverUrl;
    private final String realm;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, String> lastOutcome = new ConcurrentHashMap<>();

    @Inject
    public TenantProvisioning(Tenants tenants, AuditTrail audit,
            @ConfigProperty(name = "ipop.keycloak.url") String serverUrl,
            @ConfigProperty(name = "ipop.keycloak.realm", defaultValue = "ipop") String realm,
            @ConfigProperty(name = "ipop.keycloak.provisioner.client-id", defaultValue = "ipop-provisioner")
            String clientId,
            @ConfigProperty(name = "ipop.keycloak.provisioner.secret") String clientSecret) {
        this.tenants = tenants;
        this.audit = audit;
        this.serverUrl = serverUrl;
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** For CDI's client proxy only. */
    protected TenantProvisioning() {
        this(null, null, null, null, null, null);
    }

    /** Creates whatever of the tenant's organization and administrator is missing in Keycloak. */
    public ProvisioningReport provision(TenantDescriptor tenant) {
        try (Keycloak keycloak = KeycloakBuilder.builder().serverUrl(serverUrl).realm(realm)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(clientId).clientSecret(clientSecret)
                .build()) {
            ProvisioningReport report = new KeycloakProvisioner(keycloak.realm(realm)).provision(tenant);
            lastOutcome.put(tenant.id().value(), report.changedNothing() ? "in place" : String.join("; ",
                    report.changes()));
            if (!report.changedNothing()) {
                LOG.info(() -> "Provisioned tenant " + tenant.id() + ": " + report.changes());
                audit.record(tenant.id(), "system:provisioning", "tenant.provisioned", tenant.id().value(),
                        String.join("; ", report.changes()));
            }
            return report;
        } catch (RuntimeException e) {
            lastOutcome.put(tenant.id().value(), "failed: " + e.getMessage());
            String refusal = e instanceof ProvisioningRefused ? null : refusal(e);
            throw refusal == null ? e : new ProvisioningRefused(refusal, e);
        }
    }

    /**
     * Keycloak's answer if the admin client reports a refusal (HTTP 4xx) as a {@link WebApplicationException}, else
     * null (unreachable, 5xx, a bug). The provisioner's own reading of responses throws {@link ProvisioningRefused}.
     */
    private static String refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException web && web.getResponse() != null
                    && web.getResponse().getStatusInfo().getFamily() == Response.Status.Family.CLIENT_ERROR) {
                String body = "";
                try {
                    body = web.getResponse().hasEntity() ? " " + web.getResponse().readEntity(String.class) : "";
                } catch (RuntimeException unreadable) {
                    // the status says enough
                }
                return "Keycloak refused: HTTP " + web.getResponse().getStatus() + body;
            }
        }
        return null;
    }

    public ProvisioningReport provision(TenantId tenant) {
        return provision(tenants.require(tenant));
    }

    /** The outcome of the last provisioning of each tenant in this process ("in place", the changes, or the failure). */
    public Map<String, String> lastOutcomes() {
        return Map.copyOf(lastOutcome);
    }

    /** Idempotent: the tenant may well have been provisioned by the request that registered it. */
    void onRegistered(@Observes TenantRegistered registered) {
        provision(TenantId.of(registered.tenantId()));
    }

    void reconcileAtStartup(@Observes Startup startup) {
        ManagedScheduledExecutorService scheduler = ManagedExecutors.scheduler();
        scheduler.execute(() -> reconcileAll(scheduler));
        outboxSweep = scheduler.scheduleWithFixedDelay(this::relayPendingRegistrations, OUTBOX_SWEEP_SECONDS,
                OUTBOX_SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /** The sweep must not outlive the application (it fired into a stopped CDI container during redeploys). */
    @PreDestroy
    void stopSweeping() {
        if (outboxSweep != null) {
            outboxSweep.cancel(false);
        }
    }

    private void reconcileAll(ManagedScheduledExecutorService scheduler) {
        boolean allInPlace = true;
        for (TenantDescriptor tenant : tenants.all()) {
            try {
                provision(tenant);
            } catch (RuntimeException e) {
                allInPlace = false;
                LOG.log(Level.WARNING, "Provisioning of tenant " + tenant.id() + " failed; retrying in "
                        + RETRY_SECONDS + " s: " + e.getMessage());
            }
        }
        if (!allInPlace) {
            scheduler.schedule(() -> reconcileAll(scheduler), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Registrations whose provisioning failed (Keycloak down, crash) stay in the tenant outbox until this succeeds. */
    private void relayPendingRegistrations() {
        try {
            tenants.relayPendingEvents();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Relaying pending tenant registrations failed: " + e.getMessage());
        }
    }
}
