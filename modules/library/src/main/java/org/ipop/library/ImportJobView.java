package org.ipop.library;

import java.util.List;
import org.ipop.kernel.FieldError;

/**
 * An inventory import as users follow it: status, rows done, speed, how many rows were new, changed, unchanged or
 * refused. {@code refusal} lists why a whole file was refused (missing columns, not a CSV/XLSX file).
 */
public record ImportJobView(String id, String institution, String fileName, String status, String uploadedBy,
        String startedAt, String finishedAt, long rowsDone, long created, long updated, long unchanged,
        long errorRows, double rowsPerSecond, String failure, List<FieldError> refusal) {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final String REFUSED = "REFUSED";

    public boolean finished() {
        return COMPLETED.equals(status) || FAILED.equals(status) || REFUSED.equals(status);
    }
}
