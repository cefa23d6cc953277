package org.ipop.library.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits of a {@link PatentQuery}.
 *
 * @param totalHits      the number of matching patents; exact when {@code totalHitsExact}, else a lower bound.
 *                       It is exact up to {@value PatentIndex#EXACT_TOTAL_HITS}, and always exact when facets
 *                       were asked for (counting them visits every hit anyway)
 * @param totalHitsExact whether {@code totalHits} is exact
 * @param hits           the requested page, in the requested order
 * @param facets         for each requested facet, its values with their counts among all hits of the query
 *                       (text and filters), most frequent first, at most {@value PatentIndex#MAX_FACET_VALUES}
 * @param tookMillis     time spent in {@link PatentIndex#search}, milliseconds
 */
public record SearchResult(
        long totalHits,
        boolean totalHitsExact,
        List<Hit> hits,
        Map<PatentQuery.Facet, List<FacetCount>> facets,
        long tookMillis) {

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    /**
     * One matching patent.
     *
     * @param score the relevance score, NaN when the query is sorted by something else
     * @param title the stored title, for result lists that do not want to read the store
     */
    public record Hit(String id, float score, String title) {
    }

    /** One value of a facet and how many hits carry it. */
    public record FacetCount(String value, long count) {
    }
}
