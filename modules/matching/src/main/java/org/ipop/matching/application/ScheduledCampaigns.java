package org.ipop.matching.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ipop.kernel.TenantId;
import org.ipop.matching.Matching;
import org.ipop.tenancy.ManagedExecutors;
import org.ipop.tenancy.Tenants;

/**
 * Runs scheduled campaigns when their time comes: every {@value #CHECK_SECONDS} s each tenant's campaigns due are
 * started ({@link Matching#runDue}). The schedule lives in MongoDB, so a campaign due while the platform was down
 * runs at the next start; with several nodes, each campaign is started by one of them.
 */
@ApplicationScoped
public class ScheduledCampaigns {

    private static final Logger LOG = Logger.getLogger(ScheduledCampaigns.class.getName());
    static final int CHECK_SECONDS = 10;

    private final Matching matching;
    private final Tenants tenants;
    private ScheduledFuture<?> check;

    @Inject
    public ScheduledCampaigns(Matching matching, Tenants tenants) {
        this.matching = matching;
        this.tenants = tenants;
    }

    /** For CDI's client proxy only. */
    protected ScheduledCampaigns() {
        this(null, null);
    }

    void startChecking(@Observes Startup startup) {
        check = ManagedExecutors.scheduler().scheduleWithFixedDelay(this::runDue, CHECK_SECONDS, CHECK_SECONDS,
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopChecking() {
        if (check != null) {
            check.cancel(false);
        }
    }

    void runDue() {
        for (TenantId tenant : tenants.ids()) {
            try {
                int started = matching.runDue(tenant);
                if (started > 0) {
                    LOG.info(() -> started + " scheduled campaign(s) of tenant " + tenant + " started");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Scheduled campaigns of tenant " + tenant + " could not be started; retrying",
                        e);
            }
        }
    }
}
