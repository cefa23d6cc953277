package org.ipop.kernel;

import java.util.Optional;

/**
 * The tenant the current unit of work acts for: an API request (from the token's {@code organization} claim) or
 * a background job (from the tenant id it carries). There is no default tenant: code that needs one calls
 * {@link #require()}, which fails closed.
 */
public interface CurrentTenant {

    Optional<TenantId> get();

    default TenantId require() {
        return get().orElseThrow(NoTenantSelected::new);
    }
}
