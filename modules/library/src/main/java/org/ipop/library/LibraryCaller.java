package org.ipop.library;

/**
 * Who asks the library. Operators, tenant administrators and alliance administrators see the tenant's whole library;
 * a technology-transfer office (role {@code tto}) sees, imports and self-assesses only the patents of the
 * institutions it is a member of.
 *
 * @param username     the caller's user name (the audit trail's actor)
 * @param wholeLibrary true for operators and administrators
 */
public record LibraryCaller(String username, boolean wholeLibrary) {

    /** A caller with these platform roles ({@link org.ipop.kernel.Roles}, the token's groups). */
    public static LibraryCaller withRoles(String username, java.util.Set<String> roles) {
        return new LibraryCaller(username, roles.contains(org.ipop.kernel.Roles.OPERATOR)
                || roles.contains(org.ipop.kernel.Roles.TENANT_ADMIN)
                || roles.contains(org.ipop.kernel.Roles.ALLIANCE_ADMIN));
    }

    /** Background work and demo data act for the whole library under a user's name. */
    public static LibraryCaller staff(String username) {
        return new LibraryCaller(username, true);
    }
}
