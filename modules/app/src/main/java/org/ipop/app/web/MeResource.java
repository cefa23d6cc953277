package org.ipop.app.web;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ipop.kernel.Roles;
import org.ipop.kernel.TenantId;
import org.ipop.tenancy.TenantContext;
import org.ipop.tenancy.TenantSelection;
import org.ipop.tenancy.Tenants;

/**
 * Who the caller is: name, platform roles (most powerful first; Keycloak's technical roles left out), the tenants
 * they may act for, and the one this request acts for.
 */
@Path("me")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class MeResource {

    public record Me(String username, String name, List<String> roles, List<TenantView.Public> tenants,
            TenantView activeTenant, String tenantHint) {
    }

    private final JsonWebToken token;
    private final TenantContext context;
    private final Tenants tenants;

    @Inject
    public MeResource(JsonWebToken token, TenantContext context, Tenants tenants) {
        this.token = token;
        this.context = context;
        this.tenants = tenants;
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public MeResource() {
        this(null, null, null);
    }

    @GET
    @PermitAll
    public Me me() {
        if (token == null || token.getRawToken() == null) {
            throw new NotAuthorizedException("Bearer");
        }
        List<TenantView.Public> memberships = TenantFilter.organizations(token.getClaim("organization")).stream()
                .filter(TenantId::isValid).map(TenantId::of)
                .flatMap(id -> tenants.find(id).stream()).map(TenantView::publicView).toList();
        TenantView active = context.get().flatMap(tenants::find).map(TenantView::of).orElse(null);
        String hint = context.selection() instanceof TenantSelection.None none ? none.reason() : null;
        List<String> roles = Roles.ALL.stream().filter(token.getGroups()::contains).toList();
        return new Me(token.getName(), displayName(), roles, memberships, active, hint);
    }

    private String displayName() {
        Object name = token.getClaim("name");
        if (name instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        return name == null ? token.getName() : name.toString();
    }
}
