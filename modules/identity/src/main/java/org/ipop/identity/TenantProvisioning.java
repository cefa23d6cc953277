package org.ipop.identity;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
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
 * Reconciles Keycloak with the tenant registry: at every start for all tenants (retrying in the background every
 * {@value #RETRY_SECONDS} s while Keycloak is not reachable, and ever less often for a tenant Keycloak refuses, see
 * {@link RefusalBackoff}), and for each tenant registered at run time. Provisioning is idempotent, so a
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
    private final RefusalBackoff refusals = new RefusalBackoff();
    private volatile ManagedScheduledExecutorService scheduler;
    /** The next background round, if one is scheduled; cancelled with the application. Guarded by this. */
    private ScheduledFuture<?> nextRound;
    private volatile boolean stopped;

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
            refusals.succeeded(tenant.id().value());
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
            ProvisioningRefused refused = e instanceof ProvisioningRefused already ? already : refusal(e);
            throw refused == null ? e : refused;
        }
    }

    /**
     * The refusal, if the admin client reports one (HTTP 4xx) as a {@link WebApplicationException}, else null
     * (unreachable, 5xx, a bug). The provisioner's own reading of responses throws {@link ProvisioningRefused}.
     */
    private static ProvisioningRefused refusal(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException web && web.getResponse() != null
                    && web.getResponse().getStatusInfo().getFamily() == Response.Status.Family.CLIENT_ERROR) {
                return KeycloakProvisioner.refusal(web.getResponse(), null, failure);
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

    /**
     * Idempotent: the tenant may well have been provisioned by the request that registered it. A refusal counts as
     * delivered: the event sent again would only be refused again (every {@value #OUTBOX_SWEEP_SECONDS} s, with a
     * warning each time); the background rounds retry the tenant instead, ever less often, until its cause is
     * corrected or an administrator runs provisioning again.
     */
    void onRegistered(@Observes TenantRegistered registered) {
        TenantId tenant = TenantId.of(registered.tenantId());
        try {
            provision(tenant);
        } catch (ProvisioningRefused e) {
            noteRefusal(tenant, e);
            refusals.nextAttempt().ifPresent(this::scheduleEarlierRound);
        }
    }

    void reconcileAtStartup(@Observes Startup startup) {
        scheduler = ManagedExecutors.scheduler();
        scheduler.execute(this::reconcileAll);
        outboxSweep = scheduler.scheduleWithFixedDelay(this::relayPendingRegistrations, OUTBOX_SWEEP_SECONDS,
                OUTBOX_SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Background work must not outlive the application: the sweep, and a retry round, fired into a stopped CDI
     * container during redeploys.
     */
    @PreDestroy
    synchronized void stopSweeping() {
        stopped = true;
        if (outboxSweep != null) {
            outboxSweep.cancel(false);
        }
        replaceRound(null);
    }

    /**
     * One round over every tenant that is due; then the next round: in {@value #RETRY_SECONDS} s if Keycloak could
     * not be reached, when the first refused tenant is due if only refusals are left, or none if all are in place.
     */
    private void reconcileAll() {
        if (stopped) {
            return;
        }
        Instant now = Instant.now();
        boolean unreachable = false;
        for (TenantDescriptor tenant : tenants.all()) {
            if (stopped) {
                return; // the application stopped during the round: its classes may be gone (CWWKC1101E in CI)
            }
            if (!refusals.due(tenant.id().value(), now)) {
                continue;
            }
            try {
                provision(tenant);
            } catch (ProvisioningRefused e) {
                noteRefusal(tenant.id(), e);
            } catch (RuntimeException e) {
                unreachable = true;
                LOG.log(Level.WARNING, "Provisioning of tenant " + tenant.id() + " failed; retrying in "
                        + RETRY_SECONDS + " s: " + e.getMessage());
            }
        }
        scheduleNextRound(unreachable);
    }

    /** A refusal is logged as a warning when it is new or its reason changed, and quietly when it repeats. */
    private void noteRefusal(TenantId tenant, ProvisioningRefused refusal) {
        // By status: the same refusal's message may or may not carry Keycloak's body.
        RefusalBackoff.Outcome outcome = refusals.refused(tenant.value(), "HTTP " + refusal.status(),
                Instant.now());
        LOG.log(outcome.worthAWarning() ? Level.WARNING : Level.FINE, () -> "Keycloak refused tenant " + tenant
                + ": " + refusal.getMessage() + ". Retried in the background at " + outcome.nextAttempt()
                + " and ever less often; once the cause is corrected, POST /api/tenants/" + tenant.value()
                + "/provisioning runs it at once.");
    }

    /**
     * At the end of a round: the next one, as {@link #reconcileAll} says. Synchronized with
     * {@link #scheduleEarlierRound}, so that a refusal noted during a round is either seen here or schedules its own.
     */
    private synchronized void scheduleNextRound(boolean unreachable) {
        replaceRound(unreachable ? Instant.now().plusSeconds(RETRY_SECONDS) : refusals.nextAttempt().orElse(null));
    }

    /** A round at {@code at}, unless one is under way or comes sooner (it will schedule what follows). */
    private synchronized void scheduleEarlierRound(Instant at) {
        if (nextRound != null && !nextRound.isDone() && nextRound.getDelay(TimeUnit.MILLISECONDS) <= delayUntil(at)) {
            return;
        }
        replaceRound(at);
    }

    /**
     * Cancels the scheduled round (a round under way finishes) and schedules one at {@code at}: none if null, once
     * stopped, or before the start-up round, which schedules its own. The caller holds the lock.
     */
    private void replaceRound(Instant at) {
        if (nextRound != null) {
            nextRound.cancel(false);
        }
        ManagedScheduledExecutorService executor = scheduler;
        nextRound = at == null || stopped || executor == null ? null
                : executor.schedule(this::reconcileAll, delayUntil(at), TimeUnit.MILLISECONDS);
    }

    private static long delayUntil(Instant at) {
        return Math.max(0, Duration.between(Instant.now(), at).toMillis());
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
