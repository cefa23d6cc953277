package org.ipop.kernel;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of a tenant: an operation centre or alliance. It is also the alias of the tenant's Keycloak
 * organization and part of the name of the tenant's database, which is why its alphabet is so narrow:
 * lower-case letters, digits and hyphens, starting with a letter, 2 to 40 characters.
 */
public record TenantId(String value) {

    private static final Pattern SYNTAX = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a tenant id (lower-case letters, digits, '-', 2–40 characters, "
                    + "starting with a letter): '" + value + "'");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && SYNTAX.matcher(candidate).matches() && !candidate.endsWith("-");
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
