package org.ipop.app.web;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.ipop.tenancy.Tenants;

/** The public face of the network (一网通办): which operation centres it has. No token needed. */
@Path("network")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class NetworkResource {

    private final Tenants tenants;

    @Inject
    public NetworkResource(Tenants tenants) {
        this.tenants = tenants;
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public NetworkResource() {
        this(null);
    }

    @GET
    @Path("tenants")
    @PermitAll
    public List<TenantView.Public> tenants() {
        return tenants.all().stream().map(TenantView::publicView).toList();
    }
}
