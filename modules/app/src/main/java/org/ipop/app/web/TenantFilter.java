package org.ipop.app.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.ipop.tenancy.TenantContext;
import org.ipop.tenancy.TenantSelection;
import org.ipop.tenancy.Tenants;

/**
 * Decides the request's tenant once, from the verified token's {@code organization} claim and the optional
 * {@code X-IPOP-Tenant} header, before any resource runs. A header naming a tenant the user is not a member of is
 * refused here; "no tenant" is left to the resources, which fail closed when they need one.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
@ApplicationScoped
public class TenantFilter implements ContainerRequestFilter {

    public static final String TENANT_HEADER = "X-IPOP-Tenant";
    static final String ORGANIZATION_CLAIM = "organization";

    private final JsonWebToken token;
    private final TenantContext context;
    private final Tenants tenants;

    @Inject
    public TenantFilter(JsonWebToken token, TenantContext context, Tenants tenants) {
        this.token = token;
        this.context = context;
        this.tenants = tenants;
    }

    /** For CDI's client proxy, and for RESTEasy, which looks for a public constructor before asking CDI. */
    public TenantFilter() {
        this(null, null, null);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> requested = Optional.ofNullable(request.getHeaderString(TENANT_HEADER))
                .map(String::strip).filter(value -> !value.isEmpty());
        Set<String> organizations = token == null || token.getRawToken() == null ? Set.of()
                : organizations(token.getClaim(ORGANIZATION_CLAIM));
        TenantSelection selection = TenantSelection.decide(organizations, requested, tenants.ids());
        context.establish(selection);
        if (selection instanceof TenantSelection.Refused refused) {
            Problem problem = Problem.of("tenant-refused", "无权访问该运营中心 Tenant not allowed", 403,
                    refused.reason());
            request.abortWith(ProblemJson.response(problem));
        }
    }

    /**
     * Keycloak writes the claim as a list of aliases, or — when the mapper adds ids or attributes — as an object
     * keyed by alias. Both mean the same memberships.
     */
    static Set<String> organizations(Object claim) {
        Set<String> aliases = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(value -> {
                if (value instanceof JsonString alias) {
                    aliases.add(alias.getString());
                }
            });
        } else if (claim instanceof JsonObject object) {
            aliases.addAll(object.keySet());
        } else if (claim instanceof JsonString alias) {
            aliases.add(alias.getString());
        } else if (claim instanceof Iterable<?> values) {
            values.forEach(value -> aliases.add(String.valueOf(value)));
        } else if (claim instanceof String alias) {
            aliases.add(alias);
        } else if (claim != null && claim != JsonValue.NULL) {
            aliases.add(claim.toString());
        }
        return aliases;
    }
}
