package org.ipop.app.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ipop.audit.AuditEntry;
import org.ipop.audit.AuditTrail;
import org.ipop.kernel.Roles;

/** The current tenant's audit trail. Entries of other tenants do not exist from here: they are "not found". */
@Path("audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.OPERATOR, Roles.ALLIANCE_ADMIN})
@SecurityRequirement(name = "keycloak")
public class AuditResource {

    private final AuditTrail audit;

    @Inject
    public AuditResource(AuditTrail audit) {
        this.audit = audit;
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public AuditResource() {
        this(null);
    }

    /** An audit entry with its time as an ISO-8601 instant. */
    public record Entry(String id, String at, String actor, String action, String subject, String detail) {

        static Entry of(AuditEntry entry) {
            return new Entry(entry.id(), entry.at().toString(), entry.actor(), entry.action(), entry.subject(),
                    entry.detail());
        }
    }

    @GET
    public List<Entry> recent(@QueryParam("limit") @DefaultValue("50") int limit) {
        return audit.recent(limit).stream().map(Entry::of).toList();
    }

    @GET
    @Path("{id}")
    public Entry entry(@PathParam("id") String id) {
        return Entry.of(audit.entry(id));
    }
}
