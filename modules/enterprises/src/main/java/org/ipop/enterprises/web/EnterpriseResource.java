package org.ipop.enterprises.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ipop.enterprises.EnterpriseImportJob;
import org.ipop.enterprises.EnterprisePage;
import org.ipop.enterprises.EnterpriseProfile;
import org.ipop.enterprises.EnterpriseView;
import org.ipop.enterprises.Enterprises;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.Roles;
import org.ipop.kernel.ValidationFailed;
import org.ipop.reference.IndustryClass;
import org.ipop.reference.ReferenceData;
import org.ipop.tabular.ErrorReport;

/**
 * The enterprise registry of the request's tenant: an enterprise user's own profile ({@code /me}), and the
 * operators' list, detail and editing. Also the GB/T 4754-2017 codes for the profile editor's picker.
 */
@Path("enterprises")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class EnterpriseResource {

    private final Enterprises enterprises;
    private final JsonWebToken token;

    @Inject
    public EnterpriseResource(Enterprises enterprises, JsonWebToken token) {
        this.enterprises = enterprises;
        this.token = token;
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public EnterpriseResource() {
        this(null, null);
    }

    @GET
    @Path("me")
    @RolesAllowed(Roles.ENTERPRISE)
    public EnterpriseView mine() {
        return enterprises.mine(token.getName());
    }

    /** Creates (and binds the user to) or updates the user's own enterprise. */
    @PUT
    @Path("me")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ENTERPRISE)
    public EnterpriseView saveMine(EnterpriseProfile profile) {
        return enterprises.saveMine(token.getName(), profile);
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN, Roles.ALLIANCE_ADMIN})
    public EnterprisePage list(@QueryParam("q") String text, @QueryParam("region") String region,
            @QueryParam("branch") String branch, @QueryParam("recognition") String recognition,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        return enterprises.list(text, region, branch, recognition, page, size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public EnterpriseView create(EnterpriseProfile profile) {
        return enterprises.save(profile, token.getName());
    }

    @GET
    @Path("{creditCode}")
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN, Roles.ALLIANCE_ADMIN})
    public EnterpriseView find(@PathParam("creditCode") String creditCode) {
        return enterprises.find(creditCode);
    }

    @PUT
    @Path("{creditCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public EnterpriseView update(@PathParam("creditCode") String creditCode, EnterpriseProfile profile) {
        if (profile == null || !creditCode.equalsIgnoreCase(
                org.ipop.enterprises.CreditCodes.normalise(profile.creditCode()))) {
            throw new ValidationFailed("信用代码与地址不一致 / The credit code differs from the one in the address",
                    List.of(new FieldError("creditCode", profile == null ? null : profile.creditCode(),
                            "must be " + creditCode)));
        }
        return enterprises.save(profile, token.getName());
    }

    /**
     * Uploads a list of enterprises (CSV in UTF-8 or GBK/GB18030, or XLSX) as the request body and starts its
     * import: 400 at once if it is not a table or lacks a required column, otherwise 202 with the job to follow at
     * its Location.
     */
    @POST
    @Path("imports")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public Response startImport(@QueryParam("fileName") String fileName, InputStream content) {
        EnterpriseImportJob job = enterprises.startImport(content, fileName, token.getName());
        return Response.accepted(job).location(URI.create("/api/enterprises/imports/" + job.id())).build();
    }

    @GET
    @Path("imports")
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public List<EnterpriseImportJob> imports() {
        return enterprises.importJobs();
    }

    @GET
    @Path("imports/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public EnterpriseImportJob importJob(@PathParam("id") String id) {
        return enterprises.importJob(id);
    }

    /** Every refused cell, as a CSV that Excel on Chinese Windows opens correctly. */
    @GET
    @Path("imports/{id}/errors")
    @Produces("text/csv")
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public Response importErrors(@PathParam("id") String id) {
        List<ErrorReport.Cell> cells = new ArrayList<>();
        enterprises.forEachImportProblem(id, problem -> cells.add(new ErrorReport.Cell(problem.row(),
                problem.column(), problem.value(), problem.reason())));
        StreamingOutput csv = output -> ErrorReport.writeCsv(output, cells);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"enterprise-import-" + id + "-errors.csv\"")
                .build();
    }

    /** Makes a platform user (role enterprise) one of the enterprise's users. */
    @POST
    @Path("{creditCode}/members/{username}")
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public EnterpriseView addMember(@PathParam("creditCode") String creditCode,
            @PathParam("username") String username) {
        return enterprises.addMember(creditCode, username, token.getName());
    }

    /** GB/T 4754-2017 codes whose code starts with, or whose name contains, {@code q} (at most 50). */
    @GET
    @Path("industry-classes")
    @RolesAllowed({Roles.ENTERPRISE, Roles.OPERATOR, Roles.TENANT_ADMIN, Roles.ALLIANCE_ADMIN})
    public List<IndustryClass> industryClasses(@QueryParam("q") String text) {
        String query = text == null ? "" : text.strip();
        return ReferenceData.get().industryClasses().stream()
                .filter(c -> query.isEmpty() || c.code().startsWith(query.toUpperCase()) || c.name().contains(query))
                .limit(50).toList();
    }
}
