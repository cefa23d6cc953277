package org.ipop.audit;

import java.time.Instant;

/** One recorded action. {@code action} is a stable dotted name such as {@code tenant.profile.updated}. */
public record AuditEntry(String id, Instant at, String actor, String action, String subject, String detail) {
}
