package org.ipop.kernel;

/** Tenant data was asked for while no tenant is selected: the request is refused, never served from a default. */
public final class NoTenantSelected extends RuntimeException {

    public NoTenantSelected() {
        super("No tenant is selected: this request needs a token that names one of your organizations.");
    }

    public NoTenantSelected(String detail) {
        super(detail);
    }
}
