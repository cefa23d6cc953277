package org.ipop.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to try again to provision a tenant that Keycloak refused (an organization name taken outside the platform,
 * say). Retrying a refusal changes nothing until someone corrects its cause, so the background retries of such a
 * tenant come ever later ({@link #FIRST_DELAY}, then twice as long each time, at most {@link #LONGEST_DELAY}) and
 * only a refusal that is new, or whose reason changed, is worth a warning. Retries of an unreachable Keycloak are
 * not this class's business: they stay frequent. Thread-safe.
 */
final class RefusalBackoff {

    static final Duration FIRST_DELAY = Duration.ofSeconds(10);
    static final Duration LONGEST_DELAY = Duration.ofHours(1);

    /** A tenant's current run of refusals. */
    private record Refusal(String reason, int times, Instant nextAttempt) {
    }

    /** What a refusal means for the caller: when to try again, and whether to warn about it. */
    record Outcome(Instant nextAttempt, boolean worthAWarning) {
    }

    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();

    /**
     * Records that Keycloak refused the tenant at {@code now} for {@code reason}. A reason other than the last one
     * starts a new run (something changed), so it is retried soon and warned about.
     */
    Outcome refused(String tenant, String reason, Instant now) {
        Refusal refusal = refusals.compute(tenant, (id, earlier) -> {
            int times = earlier != null && earlier.reason().equals(reason) ? earlier.times() + 1 : 1;
            return new Refusal(reason, times, now.plus(delayAfter(times)));
        });
        return new Outcome(refusal.nextAttempt(), refusal.times() == 1);
    }

    /** The tenant is in place: its next refusal, if any, starts a new run. */
    void succeeded(String tenant) {
        refusals.remove(tenant);
    }

    /** Whether a background retry of the tenant is due at {@code now} (always, unless it was refused). */
    boolean due(String tenant, Instant now) {
        Refusal refusal = refusals.get(tenant);
        return refusal == null || !now.isBefore(refusal.nextAttempt());
    }

    /** When the first refused tenant is due again, if any is refused. */
    Optional<Instant> nextAttempt() {
        return refusals.values().stream().map(Refusal::nextAttempt).min(Instant::compareTo);
    }

    private static Duration delayAfter(int times) {
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(times - 1, 20));
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }
}
