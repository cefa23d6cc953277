package org.ipop.library;

import java.util.List;
import java.util.Map;

/** One page of search results with the facet counts of the whole result. */
public record LibraryPage(long total, int page, int size, List<PatentSummary> patents,
        Map<String, List<FacetCount>> facets, long tookMillis) {

    public record FacetCount(String value, long count) {
    }
}
