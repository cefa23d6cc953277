package org.ipop.identity;

import java.util.List;
import java.util.Optional;

/**
 * What one provisioning run changed in Keycloak for one tenant. {@code changes} is empty when everything was
 * already in place. The temporary password exists only when the administrator account was created in this run;
 * it is shown once to the platform administrator and never stored.
 */
public record ProvisioningReport(String tenantId, List<String> changes, Optional<String> temporaryPassword) {

    public boolean changedNothing() {
        return changes.isEmpty();
    }
}
