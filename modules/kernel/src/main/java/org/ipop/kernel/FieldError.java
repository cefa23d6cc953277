package org.ipop.kernel;

import java.util.Objects;

/**
 * One rejected input field: where it is (a JSON pointer-like path, or "file: field" for descriptors and
 * imports), the value that was given, and why it was refused, in words a user can act on.
 */
public record FieldError(String field, String value, String reason) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return field + (value == null ? "" : " = '" + value + "'") + ": " + reason;
    }
}
