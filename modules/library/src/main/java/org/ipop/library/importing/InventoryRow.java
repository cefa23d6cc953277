package org.ipop.library.importing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ipop.library.PatentRecord;

/** One data row of an inventory file, either valid (a {@link PatentRecord}) or refused with all its errors. */
public sealed interface InventoryRow {

    /** The row number a user sees in Excel: the header is row 1, the first data row is row 2. */
    int rowNumber();

    record Valid(int rowNumber, PatentRecord record) implements InventoryRow {

        public Valid {
            Objects.requireNonNull(record, "record");
        }
    }

    /**
     * A refused row: every error found in it, and the row as read (header → value, in file order) so that it can
     * be shown to the user next to the errors.
     */
    record Invalid(int rowNumber, List<RowError> errors, Map<String, String> raw) implements InventoryRow {

        public Invalid {
            errors = List.copyOf(errors);
            raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
        }
    }
}
