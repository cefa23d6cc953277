package org.ipop.kernel;

/** The realm roles of the platform, as they arrive in the token's {@code groups} claim. */
public final class Roles {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String OPERATOR = "operator";
    public static final String TTO = "tto";
    public static final String ENTERPRISE = "enterprise";
    public static final String INVESTOR = "investor";
    public static final String ALLIANCE_ADMIN = "alliance-admin";
    public static final String CITIZEN = "citizen";

    /** Every platform role, most powerful first; Keycloak's own roles (offline_access, …) are not among them. */
    public static final java.util.List<String> ALL = java.util.List.of(PLATFORM_ADMIN, TENANT_ADMIN, OPERATOR, TTO,
            ENTERPRISE, INVESTOR, ALLIANCE_ADMIN, CITIZEN);

    private Roles() {
    }
}
