package org.ipop.enterprises.web;

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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ipop.enterprises.DemandInput;
import org.ipop.enterprises.DemandView;
import org.ipop.enterprises.Enterprises;
import org.ipop.kernel.Roles;

/**
 * Technology demands (技术需求) of the request's tenant: enterprises post and close their own; operators and
 * institutions see all of them; operators publish them to the network.
 */
@Path("demands")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class DemandResource {

    private final Enterprises enterprises;
    private final JsonWebToken token;

    @Inject
    public DemandResource(Enterprises enterprises, JsonWebToken token) {
        this.enterprises = enterprises;
        this.token = token;
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public DemandResource() {
        this(null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ENTERPRISE)
    public Response post(DemandInput demand) {
        DemandView posted = enterprises.postDemand(token.getName(), demand == null
                ? new DemandInput(null, null, null, null, null, List.of(), null) : demand);
        return Response.created(URI.create("/api/demands/" + posted.id())).entity(posted).build();
    }

    @GET
    @Path("mine")
    @RolesAllowed(Roles.ENTERPRISE)
    public List<DemandView> mine() {
        return enterprises.myDemands(token.getName());
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN, Roles.TTO, Roles.ALLIANCE_ADMIN})
    public List<DemandView> all() {
        return enterprises.demands();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN, Roles.TTO, Roles.ALLIANCE_ADMIN})
    public DemandView find(@PathParam("id") String id) {
        return enterprises.demand(id);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OPERATOR, Roles.TENANT_ADMIN})
    public DemandView close(@PathParam("id") String id, @Context SecurityContext security) {
        boolean operator = security.isUserInRole(Roles.OPERATOR) || security.isUserInRole(Roles.TENANT_ADMIN);
        return enterprises.closeDemand(id, token.getName(), operator);
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public DemandView publish(@PathParam("id") String id) {
        return enterprises.publishDemand(id, token.getName());
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public DemandView withdraw(@PathParam("id") String id) {
        return enterprises.withdrawDemand(id, token.getName());
    }
}
