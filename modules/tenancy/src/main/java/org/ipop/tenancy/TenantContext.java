package org.ipop.tenancy;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.ipop.kernel.CurrentTenant;
import org.ipop.kernel.NoTenantSelected;
import org.ipop.kernel.TenantId;

/**
 * The tenant of the current request, decided once per request by the tenant filter from the verified token.
 * Until it is decided — and whenever the decision was "none" — it holds no tenant, so tenant data stays closed.
 */
@RequestScoped
public class TenantContext implements CurrentTenant {

    private TenantSelection selection = new TenantSelection.None("No tenant was selected for this request.",
            java.util.List.of());

    public void establish(TenantSelection decided) {
        this.selection = decided;
    }

    public TenantSelection selection() {
        return selection;
    }

    @Override
    public Optional<TenantId> get() {
        return selection.selectedTenant();
    }

    @Override
    public TenantId require() {
        return switch (selection) {
            case TenantSelection.Selected selected -> selected.tenant();
            case TenantSelection.None none -> throw new NoTenantSelected(none.reason());
            case TenantSelection.Refused refused -> throw new NoTenantSelected(refused.reason());
        };
    }
}
