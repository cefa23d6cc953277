package org.ipop.enterprises;

import java.util.List;

/** A technology demand with its enterprise and state. {@code status} is OPEN or CLOSED. */
public record DemandView(String id, String enterpriseCode, String enterpriseName, String title, String problem,
        String segment, String segmentName, Integer budgetMin, Integer budgetMax, List<String> modes,
        String deadline, String status, boolean published, String createdAt, String createdBy) {
}
