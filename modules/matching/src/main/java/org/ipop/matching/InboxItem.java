package org.ipop.matching;

import java.util.List;

/**
 * A patent pushed to an enterprise, with why, and the enterprise's answer (INTERESTED or NOT_RELEVANT); {@code owner}
 * is the tenant (operation centre) holding the patent.
 */
public record InboxItem(String patentId, String title, String institution, String campaignId, double score,
        List<String> segments, List<String> sharedTerms, List<String> priors, String pushedAt, String readAt,
        String response, String reason, String respondedAt, String owner) {
}
