package org.ipop.enterprises;

/** An enterprise's profile was created or changed (matching re-matches it). Fired after the change is stored. */
public record EnterpriseChanged(String tenantId, String creditCode) {
}
