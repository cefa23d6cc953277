package org.ipop.identity;

/**
 * Keycloak answered, and refused part of a tenant's provisioning (HTTP 4xx: an organization name taken outside the
 * platform, a rejected attribute). Unlike an unreachable Keycloak, retrying changes nothing until someone corrects
 * the cause, so callers report it as a refusal with Keycloak's reason.
 */
public final class ProvisioningRefused extends RuntimeException {

    private final int status;

    public ProvisioningRefused(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** Keycloak's HTTP status: the same refusal again has the same status, whatever its message says. */
    public int status() {
        return status;
    }
}
