package org.ipop.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.ipop.kernel.Roles;

/** The REST API under {@code /api}: bearer tokens from the platform's Keycloak realm, verified locally. */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.OPERATOR, Roles.TTO, Roles.ENTERPRISE, Roles.INVESTOR,
        Roles.ALLIANCE_ADMIN, Roles.CITIZEN})
@OpenAPIDefinition(info = @Info(title = "IPOP — IP operation platform API", version = "0.1",
        description = "知识产权运营平台 API. Errors are RFC 9457 problem details (application/problem+json). "
                + "Tenant endpoints act for the organization in the token; a member of several organizations "
                + "selects one with the X-IPOP-Tenant header."))
@SecurityScheme(securitySchemeName = "keycloak", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT")
public class IpopApplication extends Application {
}
