package org.ipop.library.importing;

import java.util.List;
import java.util.stream.Collectors;
import org.ipop.kernel.FieldError;

/**
 * An inventory file refused as a whole: empty, not a CSV or XLSX file, without a header row or lacking required
 * columns — found before any row is read — or unreadable further on (a broken encoding or a damaged workbook).
 * Each error's field is the file name, or "file name: column".
 */
public final class InventoryRefused extends RuntimeException {

    private final List<FieldError> errors;

    public InventoryRefused(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** A refusal of the whole file for one reason. */
    static InventoryRefused file(String fileName, String reason) {
        return new InventoryRefused(List.of(new FieldError(fileName, null, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
