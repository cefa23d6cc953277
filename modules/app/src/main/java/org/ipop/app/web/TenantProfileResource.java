package org.ipop.app.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.Roles;
import org.ipop.kernel.ValidationFailed;
import org.ipop.tenancy.TenantContext;
import org.ipop.tenancy.Tenants;

/** The current tenant's profile: readable by its members, editable (contact, branding) by its administrators. */
@Path("tenant")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class TenantProfileResource {

    private final Tenants tenants;
    private final TenantContext context;
    private final JsonWebToken token;

    @Inject
    public TenantProfileResource(Tenants tenants, TenantContext context, JsonWebToken token) {
        this.tenants = tenants;
        this.context = context;
        this.token = token;
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public TenantProfileResource() {
        this(null, null, null);
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.OPERATOR, Roles.TTO, Roles.ENTERPRISE, Roles.INVESTOR,
            Roles.ALLIANCE_ADMIN})
    public TenantView current() {
        return TenantView.of(tenants.require(context.require()));
    }

    @PUT
    @Path("profile")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    public TenantView updateProfile(JsonObject profile) {
        if (profile == null) {
            throw new ValidationFailed("A profile is required",
                    List.of(new FieldError("request", null, "the body is empty")));
        }
        return TenantView.of(tenants.updateProfile(context.require(), jsonObject(profile, "contact"),
                jsonObject(profile, "branding"), token.getName()));
    }

    private static JsonObject jsonObject(JsonObject profile, String field) {
        if (!profile.containsKey(field) || profile.isNull(field)) {
            return null;
        }
        if (profile.get(field) instanceof JsonObject object) {
            return object;
        }
        throw new ValidationFailed("The profile is not valid",
                List.of(new FieldError(field, profile.get(field).toString(), "must be an object")));
    }
}
