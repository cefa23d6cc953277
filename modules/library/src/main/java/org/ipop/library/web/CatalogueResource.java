package org.ipop.library.web;

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
import org.ipop.library.CataloguePatent;
import org.ipop.library.ResourceLibrary;

/** The network catalogue (一点发布、全网通达): every tenant's published patents, public fields only; no login needed. */
@Path("network/patents")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    private final ResourceLibrary library;

    @Inject
    public CatalogueResource(ResourceLibrary library) {
        this.library = library;
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public CatalogueResource() {
        this(null);
    }

    @GET
    @PermitAll
    public List<CataloguePatent> catalogue(@QueryParam("q") String text, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return library.catalogue(text, page, size);
    }
}
