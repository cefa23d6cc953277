package org.ipop.matching;

import java.util.List;

/**
 * One match with its explanation: the SEI branches that linked enterprise and patent, the segments in words (and
 * how), the phrases their texts share, the priors that moved the score; {@code owner} is the tenant (operation
 * centre) holding the patent — another centre's for a patent found in the network catalogue.
 */
public record MatchView(String enterpriseCode, String enterpriseName, String patentId, String title,
        String institution, int rank, double score, List<String> branches, List<String> segments,
        List<String> sharedTerms, List<String> priors, String owner) {
}
