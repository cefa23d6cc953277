package org.ipop.library;

import java.util.Set;
import org.ipop.kernel.Roles;

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
    public static LibraryCaller withRoles(String username, Set<String> roles) {
        return new LibraryCaller(username, roles.contains(Roles.OPERATOR) || roles.contains(Roles.TENANT_ADMIN)
                || roles.contains(Roles.ALLIANCE_ADMIN));
    }

    /** Background work and demo data act for the whole library under a user's name. */
    public static LibraryCaller staff(String username) {
        return new LibraryCaller(username, true);
    }
}
