package org.ipop.matching;

import java.util.List;

/**
 * A campaign and where it stands: DRAFT (or SCHEDULED, run by the platform at {@code runAt}) → RUNNING → READY
 * (results to preview) → PUSHED, or FAILED with a message.
 * The scope is the tenant's library (admitted, available patents) or, with {@code NETWORK}, also every patent
 * other tenants have published to the network catalogue. The {@code continuous} campaign (one per tenant) gathers
 * the results of incremental matching: patents newly admitted, enterprises created or changed.
 */
public record CampaignView(String id, String name, String scope, List<String> branches, List<String> regions,
        List<String> recognitions, int k, String status, long enterprisesInScope, long enterprisesDone,
        long patentsInScope, long matches, long pushed, String failure, String createdBy, String createdAt,
        String finishedAt, String pushedAt, boolean continuous, String runAt) {
}
