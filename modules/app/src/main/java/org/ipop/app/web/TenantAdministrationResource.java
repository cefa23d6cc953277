package org.ipop.app.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ipop.identity.ProvisioningReport;
import org.ipop.identity.ProvisioningRefused;
import org.ipop.identity.TenantProvisioning;
import org.ipop.kernel.Conflict;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.NotFound;
import org.ipop.kernel.Roles;
import org.ipop.kernel.TenantId;
import org.ipop.kernel.ValidationFailed;
import org.ipop.tenancy.TenantDescriptor;
import org.ipop.tenancy.TenantDescriptors;
import org.ipop.tenancy.Tenants;

/** The platform administrator's view of the network: every tenant, creating one, re-running its provisioning. */
@Path("tenants")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@SecurityRequirement(name = "keycloak")
public class TenantAdministrationResource {

    private static final Logger LOG = Logger.getLogger(TenantAdministrationResource.class.getName());

    /** The answer to a registration; the temporary password is shown once and stored nowhere. */
    public record Registration(TenantView tenant, boolean provisioned, List<String> provisioningChanges,
            String administratorTemporaryPassword, String provisioningPending) {
    }

    public record TenantStatus(TenantView tenant, String provisioning) {
    }

    /** What a provisioning run changed; empty {@code changes} means everything was already in place. */
    public record ProvisioningRun(String tenantId, List<String> changes) {
    }

    private final Tenants tenants;
    private final TenantProvisioning provisioning;
    private final JsonWebToken token;

    @Inject
    public TenantAdministrationResource(Tenants tenants, TenantProvisioning provisioning, JsonWebToken token) {
        this.tenants = tenants;
        this.provisioning = provisioning;
        this.token = token;
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public TenantAdministrationResource() {
        this(null, null, null);
    }

    @GET
    public List<TenantStatus> all() {
        Map<String, String> outcomes = provisioning.lastOutcomes();
        return tenants.all().stream().map(tenant -> new TenantStatus(TenantView.of(tenant),
                outcomes.getOrDefault(tenant.id().value(), "not yet provisioned in this run"))).toList();
    }

    /**
     * Registers a tenant and provisions its organization and administrator right away. If Keycloak cannot be
     * reached, the tenant is registered all the same and its provisioning is retried in the background (202).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(String descriptorJson) {
        if (descriptorJson == null || descriptorJson.isBlank()) {
            throw new ValidationFailed("A tenant descriptor is required",
                    List.of(new FieldError("request", null, "the body is empty")));
        }
        TenantDescriptor descriptor = tenants.register(TenantDescriptors.parse(null, descriptorJson),
                token.getName());
        URI location = URI.create("/api/tenants/" + descriptor.id().value());
        try {
            ProvisioningReport report = provisioning.provision(descriptor);
            tenants.relayPendingEvents(); // the registration event finds everything in place
            return Response.created(location).entity(new Registration(TenantView.of(descriptor), true,
                    report.changes(), report.temporaryPassword().orElse(null), null)).build();
        } catch (ProvisioningRefused e) {
            LOG.log(Level.WARNING, "Provisioning of new tenant " + descriptor.id() + " refused", e);
            return Response.accepted().location(location).entity(new Registration(TenantView.of(descriptor), false,
                    List.of(), null, "The tenant is registered, but the identity provider refused its organization "
                    + "or administrator (" + e.getMessage() + "). Correct the cause there, then run provisioning "
                    + "again: POST /api/tenants/" + descriptor.id().value() + "/provisioning.")).build();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Provisioning of new tenant " + descriptor.id() + " deferred", e);
            return Response.accepted().location(location).entity(new Registration(TenantView.of(descriptor), false,
                    List.of(), null, "The identity provider could not be reached; the organization and its "
                    + "administrator will be created automatically as soon as it answers.")).build();
        }
    }

    @GET
    @Path("{id}")
    public TenantView one(@PathParam("id") String id) {
        return TenantView.of(tenants.require(tenantId(id)));
    }

    /** Runs provisioning again; on a tenant that is in place it changes nothing and says so. */
    @POST
    @Path("{id}/provisioning")
    public ProvisioningRun reprovision(@PathParam("id") String id) {
        try {
            ProvisioningReport report = provisioning.provision(tenantId(id));
            return new ProvisioningRun(report.tenantId(), report.changes());
        } catch (ProvisioningRefused e) {
            throw new Conflict("The identity provider refused the tenant's organization or administrator ("
                    + e.getMessage() + "). Correct the cause there, then run provisioning again.");
        }
    }

    private static TenantId tenantId(String id) {
        if (!TenantId.isValid(id)) {
            throw new NotFound("tenant", id);
        }
        return TenantId.of(id);
    }
}
