package org.ipop.library.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the hits of a query and the values of the requested facets among them.
 *
 * <p>Counting is per segment on segment-local ordinals ({@link FacetOrdinals}: an {@code int[]} of counts per facet,
 * sized by the segment's number of distinct values); only values that occurred are merged by name when the segment
 * is done. Unlike lucene-facet's {@code SortedSetDocValuesFacetCounts} this needs no global ordinal map, which would
 * have to be rebuilt for every near-real-time reader, and it counts while the hits are collected instead of
 * recording them first. The facet fields have few distinct values (institutions, codes, provinces), so the
 * per-segment arrays are small.
 */
final class FacetCounter implements CollectorManager<FacetCounter.SliceCounter, FacetCounter.Counts> {

    private static final Comparator<SearchResult.FacetCount> MOST_FREQUENT_FIRST =
            Comparator.comparingLong(SearchResult.FacetCount::count).reversed().thenComparing(SearchResult.FacetCount::value);

    private final FacetOrdinals ordinals;
    private final List<PatentQuery.Facet> facets;
    private final int maxValues;

    FacetCounter(FacetOrdinals ordinals, Set<PatentQuery.Facet> facets, int maxValues) {
        this.ordinals = ordinals;
        this.facets = List.copyOf(facets);
        this.maxValues = maxValues;
    }

    /** The number of hits, and per facet its values, most frequent first. */
    record Counts(long hits, Map<PatentQuery.Facet, List<SearchResult.FacetCount>> facets) {
    }

    @Override
    public SliceCounter newCollector() {
        return new SliceCounter();
    }

    @Override
    public Counts reduce(Collection<SliceCounter> slices) {
        Map<PatentQuery.Facet, List<SearchResult.FacetCount>> result = new EnumMap<>(PatentQuery.Facet.class);
        for (int f = 0; f < facets.size(); f++) {
            Map<String, Long> merged = new HashMap<>();
            for (SliceCounter slice : slices) {
                slice.counts.get(f).forEach((value, count) -> merged.merge(value, count, Long::sum));
            }
            result.put(facets.get(f), merged.entrySet().stream()
                    .map(entry -> new SearchResult.FacetCount(entry.getKey(), entry.getValue()))
                    .sorted(MOST_FREQUENT_FIRST)
                    .limit(maxValues)
                    .toList());
        }
        return new Counts(slices.stream().mapToLong(slice -> slice.hits).sum(), result);
    }

    /** Counts the hits of one slice of segments (one per search unless the searcher has an executor). */
    final class SliceCounter implements Collector {

        /** Per requested facet (same order as {@link #facets}): value → count. */
        private final List<Map<String, Long>> counts = new ArrayList<>();
        private long hits;

        private SliceCounter() {
            facets.forEach(facet -> counts.add(new HashMap<>()));
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            Map<PatentQuery.Facet, FacetOrdinals.Dimension> segment = ordinals.of(context.reader());
            int dimensions = facets.size();
            FacetOrdinals.Dimension[] dimension = new FacetOrdinals.Dimension[dimensions];
            char[][] single = new char[dimensions][];
            int[][] starts = new int[dimensions][];
            int[][] multi = new int[dimensions][];
            int[][] ordinalCounts = new int[dimensions][];
            for (int f = 0; f < dimensions; f++) {
                dimension[f] = segment.get(facets.get(f));
                single[f] = dimension[f].single();
                starts[f] = dimension[f].starts();
                multi[f] = dimension[f].multi();
                ordinalCounts[f] = new int[dimension[f].values().length];
            }
            return new LeafCollector() {
                private int segmentHits;

                @Override
                public void setScorer(Scorable scorer) {
                    // Counting needs no scores.
                }

                @Override
                public void collect(int doc) {
                    segmentHits++;
                    for (int f = 0; f < dimensions; f++) {
                        char[] ordinalPlusOne = single[f];
                        if (ordinalPlusOne != null) {
                            int ord = ordinalPlusOne[doc] - 1;
                            if (ord >= 0) {
                                ordinalCounts[f][ord]++;
                            }
                        } else {
                            int[] ords = multi[f];
                            for (int i = starts[f][doc], end = starts[f][doc + 1]; i < end; i++) {
                                ordinalCounts[f][ords[i]]++;
                            }
                        }
                    }
                }

                @Override
                public void finish() {
                    hits += segmentHits;
                    for (int f = 0; f < dimensions; f++) {
                        Map<String, Long> facetCounts = counts.get(f);
                        String[] values = dimension[f].values();
                        int[] perOrdinal = ordinalCounts[f];
                        for (int ord = 0; ord < perOrdinal.length; ord++) {
                            if (perOrdinal[ord] > 0) {
                                facetCounts.merge(values[ord], (long) perOrdinal[ord], Long::sum);
                            }
                        }
                    }
                }
            };
        }
    }
}
