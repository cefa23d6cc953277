package org.ipop.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A refused tenant is retried ever less often and warned about once per reason; other tenants are always due. */
class RefusalBackoffTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final String TAKEN = "Keycloak refused: HTTP 409 organization name taken";

    private final RefusalBackoff backoff = new RefusalBackoff();

    @Test
    void repeated_refusals_wait_twice_as_long_each_time_up_to_an_hour_and_warn_once() {
        RefusalBackoff.Outcome first = backoff.refused("yichang", TAKEN, T0);
        assertEquals(T0.plusSeconds(10), first.nextAttempt());
        assertTrue(first.worthAWarning());
        assertFalse(backoff.due("yichang", T0.plusSeconds(9)));
        assertTrue(backoff.due("yichang", T0.plusSeconds(10)));

        Instant now = T0.plusSeconds(10);
        RefusalBackoff.Outcome second = backoff.refused("yichang", TAKEN, now);
        assertEquals(now.plusSeconds(20), second.nextAttempt());
        assertFalse(second.worthAWarning(), "the same refusal again is not news");

        Duration delay = Duration.ZERO;
        for (int i = 0; i < 20; i++) {
            RefusalBackoff.Outcome outcome = backoff.refused("yichang", TAKEN, now);
            delay = Duration.between(now, outcome.nextAttempt());
        }
        assertEquals(Duration.ofHours(1), delay, "at most an hour between attempts");
    }

    @Test
    void another_reason_starts_again_with_a_warning_and_success_clears_the_tenant() {
        backoff.refused("yichang", TAKEN, T0);
        backoff.refused("yichang", TAKEN, T0);
        RefusalBackoff.Outcome changed = backoff.refused("yichang", "Keycloak refused: HTTP 403 forbidden", T0);
        assertTrue(changed.worthAWarning());
        assertEquals(T0.plusSeconds(10), changed.nextAttempt());

        backoff.succeeded("yichang");
        assertTrue(backoff.due("yichang", T0));
        assertEquals(Optional.empty(), backoff.nextAttempt());
        assertTrue(backoff.refused("yichang", TAKEN, T0).worthAWarning(), "a new run after a success");
    }

    @Test
    void tenants_never_refused_are_due_and_the_next_attempt_is_the_earliest_refused_one() {
        assertTrue(backoff.due("hubei", T0));
        backoff.refused("yichang", TAKEN, T0);
        backoff.refused("yichang", TAKEN, T0); // due at T0 + 20 s
        backoff.refused("xiangyang", TAKEN, T0.plusSeconds(5)); // due at T0 + 15 s
        assertEquals(Optional.of(T0.plusSeconds(15)), backoff.nextAttempt());
        assertTrue(backoff.due("hubei", T0));
    }
}
