package org.ipop.app.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.ipop.tenancy.TenantContext;

/** One log line per API request with the tenant and the user, so that support can follow one user's requests. */
@Provider
@ApplicationScoped
public class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger("org.ipop.requests");
    private static final String STARTED = "ipop.started";

    private final JsonWebToken token;
    private final TenantContext context;

    @Inject
    public RequestLog(JsonWebToken token, TenantContext context) {
        this.token = token;
        this.context = context;
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public RequestLog() {
        this(null, null);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        long millis = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : -1;
        String user = token != null && token.getRawToken() != null ? token.getName() : "-";
        String tenant = context.get().map(Object::toString).orElse("-");
        LOG.info(() -> String.format("%s %s %d %dms tenant=%s user=%s", request.getMethod(),
                request.getUriInfo().getRequestUri().getPath(), response.getStatus(), millis, tenant, user));
    }
}
