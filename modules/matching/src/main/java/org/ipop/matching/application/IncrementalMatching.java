package org.ipop.matching.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ipop.enterprises.EnterpriseChanged;
import org.ipop.kernel.TenantId;
import org.ipop.library.PatentAvailable;
import org.ipop.matching.Matching;
import org.ipop.tenancy.ManagedExecutors;
import org.ipop.tenancy.Tenants;

/**
 * Incremental matching without a full run: a patent that became available and an enterprise created or changed are
 * noted as they happen and matched together every {@value #SWEEP_SECONDS} s against what matching keeps of the
 * tenant between sweeps (its corpus and enterprises, brought up to date with these changes) — an import of a thousand
 * enterprises is one sweep, not a thousand. The results join the tenant's continuous
 * campaign ({@link Matching#matchIncrementally}), or straight into the inboxes for a tenant whose descriptor says
 * so ({@link MatchingSettings}). What is pending lives in memory: after a crash, the next full run (or the next
 * change) catches up.
 */
@ApplicationScoped
public class IncrementalMatching {

    private static final Logger LOG = Logger.getLogger(IncrementalMatching.class.getName());
    static final int SWEEP_SECONDS = 3;

    private final Matching matching;
    private final Tenants tenants;
    private final Map<TenantId, Pending> pending = new ConcurrentHashMap<>();
    private ScheduledFuture<?> sweep;

    /** What one tenant has waiting: patents that became available, enterprises created or changed. */
    private record Pending(Set<String> patents, Set<String> enterprises) {

        Pending() {
            this(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
        }
    }

    @Inject
    public IncrementalMatching(Matching matching, Tenants tenants) {
        this.matching = matching;
        this.tenants = tenants;
    }

    /** For CDI's client proxy only. */
    protected IncrementalMatching() {
        this(null, null);
    }

    /** The tenant's matching settings; the defaults if its descriptor has none (or the tenant is gone). */
    MatchingSettings settingsOf(TenantId tenant) {
        return tenants.find(tenant).flatMap(descriptor -> descriptor.settings(MatchingSettings.MODULE))
                .map(MatchingSettings::of).orElseGet(MatchingSettings::defaults);
    }

    void patentAvailable(@Observes PatentAvailable event) {
        pendingOf(event.tenantId()).patents().add(event.applicationNumber());
    }

    void enterpriseChanged(@Observes EnterpriseChanged event) {
        pendingOf(event.tenantId()).enterprises().add(event.creditCode());
    }

    void startSweeping(@Observes Startup startup) {
        sweep = ManagedExecutors.scheduler().scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS,
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopSweeping() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }

    private Pending pendingOf(String tenantId) {
        return pending.computeIfAbsent(new TenantId(tenantId), tenant -> new Pending());
    }

    /** Matches what each tenant has pending; what fails or must wait is kept for the next sweep. */
    void sweep() {
        for (Map.Entry<TenantId, Pending> entry : pending.entrySet()) {
            Set<String> patents = drain(entry.getValue().patents());
            Set<String> enterprises = drain(entry.getValue().enterprises());
            if (patents.isEmpty() && enterprises.isEmpty()) {
                continue;
            }
            boolean done = false;
            try {
                done = matching.matchIncrementally(entry.getKey(), patents, enterprises,
                        settingsOf(entry.getKey()).pushIncrementalMatches());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Incremental matching of tenant " + entry.getKey() + " failed; retrying", e);
            }
            if (!done) {
                entry.getValue().patents().addAll(patents);
                entry.getValue().enterprises().addAll(enterprises);
            }
        }
    }

    private static Set<String> drain(Set<String> from) {
        Set<String> taken = ConcurrentHashMap.newKeySet();
        for (String item : from) {
            if (from.remove(item)) {
                taken.add(item);
            }
        }
        return taken;
    }
}
