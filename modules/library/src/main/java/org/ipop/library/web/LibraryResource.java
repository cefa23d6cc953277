package org.ipop.library.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.Roles;
import org.ipop.kernel.ValidationFailed;
import org.ipop.library.ImportJobView;
import org.ipop.library.ImportRowError;
import org.ipop.library.LibraryCaller;
import org.ipop.library.LibraryPage;
import org.ipop.library.PatentDetail;
import org.ipop.library.PatentSummary;
import org.ipop.library.DealUpdate;
import org.ipop.library.ResourceLibrary;
import org.ipop.library.ReviewDecision;
import org.ipop.library.SelfAssessment;
import org.ipop.tabular.ErrorReport;

/**
 * The resource library of the tenant of the request (存量专利资源库): inventory imports with their progress and error
 * reports, search, patent detail, screening, spot checks, publishing, and the export of a result list.
 */
@Path("library")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class LibraryResource {

    private static final int EXPORT_LIMIT = 10_000;

    private final ResourceLibrary library;
    private final JsonWebToken token;

    @Inject
    public LibraryResource(ResourceLibrary library, JsonWebToken token) {
        this.library = library;
        this.token = token;
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public LibraryResource() {
        this(null, null);
    }

    /**
     * Uploads an inventory (CSV in UTF-8 or GBK/GB18030, or XLSX) as the request body and starts its import.
     * Answers 202 at once; follow the job at its Location.
     */
    @POST
    @Path("imports")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.TTO, Roles.OPERATOR, Roles.TENANT_ADMIN})
    public Response startImport(@QueryParam("institution") String institution,
            @QueryParam("fileName") String fileName, InputStream content) {
        ImportJobView job = library.startImport(institution, fileName, content, caller());
        return Response.accepted(job).location(URI.create("/api/library/imports/" + job.id())).build();
    }

    @GET
    @Path("imports")
    @RolesAllowed({Roles.TTO, Roles.OPERATOR, Roles.TENANT_ADMIN})
    public List<ImportJobView> imports() {
        return library.importJobs(caller());
    }

    @GET
    @Path("imports/{id}")
    @RolesAllowed({Roles.TTO, Roles.OPERATOR, Roles.TENANT_ADMIN})
    public ImportJobView importJob(@PathParam("id") String id) {
        return library.importJob(id, caller());
    }

    /** The row-level error report: a CSV with a BOM so that Excel on Chinese Windows opens it correctly. */
    @GET
    @Path("imports/{id}/errors")
    @Produces("text/csv")
    @RolesAllowed({Roles.TTO, Roles.OPERATOR, Roles.TENANT_ADMIN})
    public Response importErrors(@PathParam("id") String id) {
        List<ImportRowError> errors = library.importErrors(id, caller());
        StreamingOutput csv = output -> ErrorReport.writeCsv(output, errors.stream()
                .map(error -> new ErrorReport.Cell(error.row(), error.column(), error.value(), error.reason()))
                .toList());
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"").build();
    }

    @GET
    @Path("patents")
    @RolesAllowed({Roles.TTO, Roles.OPERATOR, Roles.TENANT_ADMIN, Roles.ALLIANCE_ADMIN})
    public LibraryPage search(@BeanParam SearchParameters search, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return library.search(search.page(page, size), caller());
    }

    /** The current result list as an Excel file (up to 10,000 patents), streamed row by row. */
    @GET
    @Path("patents/export")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @RolesAllowed({Roles.TTO, Roles.OPERATOR, Roles.TENANT_ADMIN, Roles.ALLIANCE_ADMIN})
    public Response export(@BeanParam SearchParameters search) {
        search.page(0, 1); // refuse bad parameters before the response starts streaming
        LibraryCaller caller = caller();
        StreamingOutput xlsx = output -> {
            try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
                Sheet sheet = workbook.createSheet("专利 patents");
                String[] headers = {"申请号", "专利名称", "所属机构", "专利类型", "法律状态", "申请日", "主分类号",
                        "筛选状态", "分层", "价值评分", "产业细分领域", "已发布"};
                Row header = sheet.createRow(0);
                for (int i = 0; i < headers.length; i++) {
                    header.createCell(i).setCellValue(headers[i]);
                }
                int rowNumber = 1;
                for (int page = 0; rowNumber <= EXPORT_LIMIT; page++) {
                    LibraryPage result = library.search(search.page(page, 100), caller);
                    for (PatentSummary patent : result.patents()) {
                        Row row = sheet.createRow(rowNumber++);
                        String[] values = {patent.id(), patent.title(), patent.institution(), patent.type(),
                                patent.legalStatus(), patent.filingDate(), patent.mainIpc(), patent.status(),
                                patent.tier(), String.valueOf(patent.valueScore()),
                                String.join("；", patent.segments()), patent.published() ? "是" : "否"};
                        for (int i = 0; i < values.length; i++) {
                            row.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
                        }
                    }
                    if (result.patents().size() < 100) {
                        break;
                    }
                }
                workbook.write(output);
            }
        };
        return Response.ok(xlsx).header("Content-Disposition", "attachment; filename=\"patents.xlsx\"").build();
    }

    @GET
    @Path("patents/{id}")
    @RolesAllowed({Roles.TTO, Roles.OPERATOR, Roles.TENANT_ADMIN, Roles.ALLIANCE_ADMIN})
    public PatentDetail patent(@PathParam("id") String id) {
        return library.patent(id, caller());
    }

    @PUT
    @Path("patents/{id}/self-assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TTO, Roles.OPERATOR})
    public PatentDetail selfAssess(@PathParam("id") String id, SelfAssessment assessment) {
        return library.selfAssess(id, assessment, caller());
    }

    @POST
    @Path("patents/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public PatentDetail review(@PathParam("id") String id, ReviewDecision decision) {
        return library.review(id, decision, token.getName());
    }

    /** A spot check: {@code {"institution": "…", "percent": 10}} → the ids drawn for review. */
    @POST
    @Path("spot-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public List<String> spotCheck(SpotCheck request) {
        if (request == null) {
            throw new ValidationFailed("A spot check needs an institution and a percentage",
                    List.of(new FieldError("institution", null, "is required")));
        }
        return library.spotCheck(request.institution(), request.percent(), token.getName());
    }

    public record SpotCheck(String institution, int percent) {
    }

    @POST
    @Path("patents/{id}/publication")
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public PatentDetail publish(@PathParam("id") String id) {
        return library.publish(id, token.getName());
    }

    /**
     * Whether the patent is still available for a deal: {@code {"status": "TRANSFERRED", "note": "2026-10 转让给…"}};
     * a transferred or exclusively licensed patent is no longer matched and leaves the network catalogue.
     */
    @PUT
    @Path("patents/{id}/deal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public PatentDetail recordDeal(@PathParam("id") String id, DealUpdate update) {
        return library.recordDeal(id, update, token.getName());
    }

    @DELETE
    @Path("patents/{id}/publication")
    @RolesAllowed({Roles.OPERATOR, Roles.TENANT_ADMIN})
    public PatentDetail withdraw(@PathParam("id") String id) {
        return library.withdraw(id, token.getName());
    }

    /** Operators and administrators see the whole library; a technology-transfer office its institutions'. */
    private LibraryCaller caller() {
        return LibraryCaller.withRoles(token.getName(), token.getGroups());
    }
}
