package org.ipop.matching;

import java.util.List;

/**
 * What an operator sets up for a campaign.
 *
 * @param branches     target enterprises registered in (or bridged to) these SEI branches; empty: any
 * @param regions      target enterprises in these regions (province or city codes); empty: any
 * @param recognitions target enterprises with one of these recognitions; empty: any
 * @param k            patents per enterprise (1–50, default 20)
 */
public record CampaignInput(String name, List<String> branches, List<String> regions, List<String> recognitions,
        Integer k) {

    public CampaignInput {
        branches = branches == null ? List.of() : List.copyOf(branches);
        regions = regions == null ? List.of() : List.copyOf(regions);
        recognitions = recognitions == null ? List.of() : List.copyOf(recognitions);
    }
}
