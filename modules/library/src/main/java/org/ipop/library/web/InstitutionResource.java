package org.ipop.library.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ipop.kernel.Roles;
import org.ipop.library.Institution;
import org.ipop.library.InstitutionInput;
import org.ipop.library.Institutions;
import org.ipop.library.LibraryCaller;

/**
 * The institutions of the tenant of the request (成员机构) and the technology-transfer office users who act for each.
 * Operators and tenant administrators register institutions and manage their members; a technology-transfer office
 * sees the institutions it acts for.
 */
@Path("library/institutions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class InstitutionResource {

    private final Institutions institutions;
    private final JsonWebToken token;

    @Inject
    public InstitutionResource(Institutions institutions, JsonWebToken token) {
        this.institutions = institutions;
        this.token = token;
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public InstitutionResource() {
        this(null, null);
    }

    @GET
    @RolesAllowed({Roles.TTO, Roles.OPERATOR, Roles.TENANT_ADMIN, Roles.ALLIANCE_ADMIN})
    public List<Institution> list() {
        return institutions.list(LibraryCaller.withRoles(token.getName(), token.getGroups()));
    }

    /** Registers an institution: {@code {"name": "华中科技大学", "type": "UNIVERSITY"}} (type inferred if absent). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public Response register(InstitutionInput input) {
        Institution registered = institutions.register(input, token.getName());
        return Response.created(URI.create("/api/library/institutions/"
                + URLEncoder.encode(registered.name(), StandardCharsets.UTF_8).replace("+", "%20")))
                .entity(registered).build();
    }

    /** Makes a user (role {@code tto}) act for the institution. */
    @PUT
    @Path("{name}/members/{username}")
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public Institution addMember(@PathParam("name") String name, @PathParam("username") String username) {
        return institutions.addMember(name, username, token.getName());
    }

    @DELETE
    @Path("{name}/members/{username}")
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public Institution removeMember(@PathParam("name") String name, @PathParam("username") String username) {
        return institutions.removeMember(name, username, token.getName());
    }
}
