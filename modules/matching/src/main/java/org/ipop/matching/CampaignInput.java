package org.ipop.matching;

import java.util.List;

/**
 * What an operator sets up for a campaign.
 *
 * @param branches     target enterprises registered in (or bridged to) these SEI branches; empty: any
 * @param regions      target enterprises in these regions (province or city codes); empty: any
 * @param recognitions target enterprises with one of these recognitions; empty: any
 * @param k            patents per enterprise (1–50, default 20)
 * @param scope        {@code LIBRARY} (default): the tenant's own available patents; {@code NETWORK}: those and
 *                     every patent other tenants have published to the network catalogue
 * @param runAt        when the platform runs it by itself (ISO 8601; without an offset, Beijing time); empty: when an
 *                     operator runs it
 */
public record CampaignInput(String name, List<String> branches, List<String> regions, List<String> recognitions,
        Integer k, String scope, String runAt) {

    public static final String LIBRARY = "LIBRARY";
    public static final String NETWORK = "NETWORK";

    public CampaignInput {
        scope = scope == null || scope.isBlank() ? LIBRARY : scope.strip().toUpperCase(java.util.Locale.ROOT);
        branches = branches == null ? List.of() : List.copyOf(branches);
        regions = regions == null ? List.of() : List.copyOf(regions);
        recognitions = recognitions == null ? List.of() : List.copyOf(recognitions);
        runAt = runAt == null || runAt.isBlank() ? null : runAt.strip();
    }
}
