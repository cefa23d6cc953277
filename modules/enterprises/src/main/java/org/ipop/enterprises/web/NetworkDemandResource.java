package org.ipop.enterprises.web;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.ipop.enterprises.Enterprises;
import org.ipop.enterprises.PublishedDemand;

/** The demands published to the network (技术需求发布): public fields only; no login needed. */
@Path("network/demands")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class NetworkDemandResource {

    private final Enterprises enterprises;

    @Inject
    public NetworkDemandResource(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public NetworkDemandResource() {
        this(null);
    }

    @GET
    @PermitAll
    public List<PublishedDemand> published(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return enterprises.publishedDemands(page, size);
    }
}
