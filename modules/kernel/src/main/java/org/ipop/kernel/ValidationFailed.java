package org.ipop.kernel;

import java.util.List;
import java.util.stream.Collectors;

/** Input that was refused as a whole, with every field that is wrong (not just the first). */
public final class ValidationFailed extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationFailed(String summary, List<FieldError> errors) {
        super(summary + (errors.isEmpty() ? "" : ": " + errors.stream().map(FieldError::toString)
                .collect(Collectors.joining("; "))));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
