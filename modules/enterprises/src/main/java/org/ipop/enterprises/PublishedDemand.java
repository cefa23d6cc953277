package org.ipop.enterprises;

import java.util.List;

/** A demand in the network: only what the enterprise chose to make public, with its operation centre. */
public record PublishedDemand(String tenantId, String demandId, String enterpriseName, String title, String problem,
        String segment, String segmentName, Integer budgetMin, Integer budgetMax, List<String> modes,
        String deadline, String publishedAt) {
}
