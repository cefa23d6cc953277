package org.ipop.matching.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ipop.kernel.Roles;
import org.ipop.matching.CampaignInput;
import org.ipop.matching.CampaignView;
import org.ipop.matching.Funnel;
import org.ipop.matching.MatchView;
import org.ipop.matching.Matching;

/**
 * Operators' matching of the request's tenant: campaigns (create, run in the background, preview the results,
 * push, funnel) and on-demand matching of one enterprise or one patent.
 */
@Path("matching")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
public class MatchingResource {

    private final Matching matching;
    private final JsonWebToken token;

    @Inject
    public MatchingResource(Matching matching, JsonWebToken token) {
        this.matching = matching;
        this.token = token;
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public MatchingResource() {
        this(null, null);
    }

    @GET
    @Path("campaigns")
    public List<CampaignView> campaigns() {
        return matching.campaigns();
    }

    @POST
    @Path("campaigns")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CampaignInput input) {
        CampaignView campaign = matching.create(input, token.getName());
        return Response.created(URI.create("/api/matching/campaigns/" + campaign.id())).entity(campaign).build();
    }

    @GET
    @Path("campaigns/{id}")
    public CampaignView campaign(@PathParam("id") String id) {
        return matching.campaign(id);
    }

    /** Starts the run; answers 202 at once — follow the campaign's progress. */
    @POST
    @Path("campaigns/{id}/run")
    public Response run(@PathParam("id") String id) {
        return Response.accepted(matching.run(id, token.getName())).build();
    }

    /** Cancels a scheduled run: the campaign goes back to DRAFT. */
    @DELETE
    @Path("campaigns/{id}/schedule")
    public CampaignView unschedule(@PathParam("id") String id) {
        return matching.unschedule(id, token.getName());
    }

    @GET
    @Path("campaigns/{id}/matches")
    public List<MatchView> matches(@PathParam("id") String id, @QueryParam("enterprise") String enterprise,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size) {
        return matching.matches(id, enterprise, page, size);
    }

    @POST
    @Path("campaigns/{id}/push")
    public CampaignView push(@PathParam("id") String id) {
        return matching.push(id, token.getName());
    }

    @GET
    @Path("campaigns/{id}/funnel")
    public Funnel funnel(@PathParam("id") String id) {
        return matching.funnel(id);
    }

    /** The best patents for one enterprise now, without those already pushed to it. */
    @GET
    @Path("enterprises/{creditCode}/patents")
    public List<MatchView> forEnterprise(@PathParam("creditCode") String creditCode,
            @QueryParam("k") @DefaultValue("20") int k) {
        return matching.preview(creditCode, k);
    }

    /** The enterprises an available patent suits best. */
    @GET
    @Path("patents/{id}/enterprises")
    public List<MatchView> forPatent(@PathParam("id") String id, @QueryParam("k") @DefaultValue("20") int k) {
        return matching.enterprisesFor(id, k);
    }
}
