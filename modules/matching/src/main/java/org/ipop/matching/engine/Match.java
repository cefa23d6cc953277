package org.ipop.matching.engine;

import java.util.List;

/**
 * A patent matched to an enterprise, with why.
 *
 * @param branches    the SEI branch codes that linked them (for the funnel by segment)
 * @param segments    the segments that linked them, each with how the enterprise belongs to it
 * @param sharedTerms the phrases of the patent's text that the enterprise's text shares
 * @param priors      what moved the score besides segment and text, each with its amount
 */
public record Match(String enterpriseId, String patentId, double score, double structural, double text,
        List<String> branches, List<String> segments, List<String> sharedTerms, List<String> priors) {

    public Match {
        branches = List.copyOf(branches);
        segments = List.copyOf(segments);
        sharedTerms = List.copyOf(sharedTerms);
        priors = List.copyOf(priors);
    }
}
