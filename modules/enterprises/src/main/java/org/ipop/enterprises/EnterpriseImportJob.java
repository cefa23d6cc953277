package org.ipop.enterprises;

import java.util.List;
import org.ipop.tabular.ErrorReport;

/**
 * A bulk import of enterprises as operators follow it: it runs in the background, and the counts grow after every
 * batch of rows (data rows read, created, changed, refused, rows per second). {@code errors} holds the first
 * {@value #ERRORS_SHOWN} refused cells (row as Excel numbers it, column header, value, reason); all of them are in
 * the downloadable error report.
 */
public record EnterpriseImportJob(String id, String fileName, String status, String uploadedBy, String startedAt,
        String finishedAt, long rows, long created, long updated, long refusedRows, double rowsPerSecond,
        String failure, List<RowProblem> errors) {

    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
    public static final int ERRORS_SHOWN = 100;

    public EnterpriseImportJob {
        errors = List.copyOf(errors);
    }

    /** One refused cell; its value cut as {@link ErrorReport#shown} cuts it. */
    public record RowProblem(int row, String column, String value, String reason) {

        public RowProblem {
            value = ErrorReport.shown(value);
        }
    }
}
