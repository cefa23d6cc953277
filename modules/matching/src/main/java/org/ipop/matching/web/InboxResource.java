package org.ipop.matching.web;

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
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ipop.kernel.Roles;
import org.ipop.matching.InboxItem;
import org.ipop.matching.InboxResponse;
import org.ipop.matching.Matching;

/** The inbox of the user's enterprise (推送收件箱): what was pushed, why, and the enterprise's answers. */
@Path("inbox")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
@RolesAllowed(Roles.ENTERPRISE)
public class InboxResource {

    private final Matching matching;
    private final JsonWebToken token;

    @Inject
    public InboxResource(Matching matching, JsonWebToken token) {
        this.matching = matching;
        this.token = token;
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public InboxResource() {
        this(null, null);
    }

    @GET
    public List<InboxItem> inbox() {
        return matching.inbox(token.getName());
    }

    @POST
    @Path("{patentId}/read")
    public InboxItem read(@PathParam("patentId") String patentId) {
        return matching.markRead(token.getName(), patentId);
    }

    @POST
    @Path("{patentId}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    public InboxItem respond(@PathParam("patentId") String patentId, InboxResponse response) {
        return matching.respond(token.getName(), patentId, response);
    }
}
