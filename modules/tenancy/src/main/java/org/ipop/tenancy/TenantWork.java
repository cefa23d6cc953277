package org.ipop.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.ipop.kernel.TenantId;

/**
 * Work done for a tenant outside an HTTP request (demo data, background tasks that use request-level services):
 * it runs in a request context of its own in which {@link org.ipop.kernel.CurrentTenant} is that tenant, and only
 * that tenant. The tenant is named explicitly by the caller; nothing is inherited from the calling thread.
 */
@ApplicationScoped
public class TenantWork {

    private final TenantContext context;

    @Inject
    public TenantWork(TenantContext context) {
        this.context = context;
    }

    /** For CDI's client proxy only. */
    protected TenantWork() {
        this(null);
    }

    @ActivateRequestContext
    public <T> T as(TenantId tenant, Supplier<T> work) {
        context.establish(new TenantSelection.Selected(tenant));
        return work.get();
    }
}
