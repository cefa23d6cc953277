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
 * <p>Counting is per segment on segment-local ordinals ({@link FacetOrdinals}; an {@code int[]} of counts per
 * facet, sized by the segment's number of distinct values); only values that occurred are merged by name when the
 * segment is done. Unlike lucene-facet's {@code SortedSetDocValuesFacetCounts} this needs no global ordinal map, which would
 * have to be rebuilt for every near-real-time reader, and it counts while the hits are collected instead of
 * recording them first. The facet fields have few distinct values (institutions, codes, provinces), so the
 * per-segment arrays are small.
 */
final class FacetCounter implements CollectorManager<FacetCounter.SliceCounter, FacetCounter.Counts> {

    private static final Comparator<SearchResult.FacetCount> MOST_FREQUENT_FIRST =
            Comparator.comparingLong(SearchResult.FacetCount::count).reversed().thenComparing(SearchResult.FacetCount::value);

    private static final int BUFFER_SIZE = 1024;

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
            return new SegmentCounter(ordinals.of(context.reader()));
        }

        /**
         * Counts one segment. Hits are buffered and counted in tight loops: per hit one packed row for the
         * single-valued facets, then one listed facet at a time.
         */
        private final class SegmentCounter implements LeafCollector {
            private final long[] rows;
            private final FacetOrdinals.Dimension[] dimensions = new FacetOrdinals.Dimension[facets.size()];
            /** Per requested facet, counts by ordinal; for packed facets by ordinal + 1, slot 0 counting "none". */
            private final int[][] ordinalCounts = new int[facets.size()][];
            private final int[] packedShifts;
            private final long[] packedMasks;
            private final int[][] packedCounts;
            private final FacetOrdinals.Listed[] listed;
            private final int[][] listedCounts;
            private final int[] buffer = new int[BUFFER_SIZE];
            private int buffered;

            SegmentCounter(FacetOrdinals.Segment segment) {
                rows = segment.rows();
                List<Integer> packedFacets = new ArrayList<>();
                List<Integer> listedFacets = new ArrayList<>();
                for (int f = 0; f < dimensions.length; f++) {
                    dimensions[f] = segment.dimensions().get(facets.get(f));
                    boolean packed = dimensions[f].packed() != null;
                    ordinalCounts[f] = new int[dimensions[f].values().length + (packed ? 1 : 0)];
                    (packed ? packedFacets : listedFacets).add(f);
                }
                packedShifts = new int[packedFacets.size()];
                packedMasks = new long[packedFacets.size()];
                packedCounts = new int[packedFacets.size()][];
                for (int p = 0; p < packedShifts.length; p++) {
                    int f = packedFacets.get(p);
                    packedShifts[p] = dimensions[f].packed().shift();
                    packedMasks[p] = dimensions[f].packed().mask();
                    packedCounts[p] = ordinalCounts[f];
                }
                listed = new FacetOrdinals.Listed[listedFacets.size()];
                listedCounts = new int[listedFacets.size()][];
                for (int l = 0; l < listed.length; l++) {
                    listed[l] = dimensions[listedFacets.get(l)].listed();
                    listedCounts[l] = ordinalCounts[listedFacets.get(l)];
                }
            }

            @Override
            public void setScorer(Scorable scorer) {
                // Counting needs no scores.
            }

            @Override
            public void collect(int doc) {
                buffer[buffered++] = doc;
                if (buffered == BUFFER_SIZE) {
                    countBuffered();
                }
            }

            private void countBuffered() {
                if (packedShifts.length > 0) {
                    for (int i = 0; i < buffered; i++) {
                        long row = rows[buffer[i]];
                        for (int p = 0; p < packedShifts.length; p++) {
                            packedCounts[p][(int) ((row >>> packedShifts[p]) & packedMasks[p])]++;
                        }
                    }
                }
                for (int l = 0; l < listed.length; l++) {
                    int[] starts = listed[l].starts();
                    int[] ords = listed[l].ords();
                    int[] counts = listedCounts[l];
                    for (int i = 0; i < buffered; i++) {
                        int doc = buffer[i];
                        for (int v = starts[doc], end = starts[doc + 1]; v < end; v++) {
                            counts[ords[v]]++;
                        }
                    }
                }
                hits += buffered;
                buffered = 0;
            }

            @Override
            public void finish() {
                countBuffered();
                for (int f = 0; f < dimensions.length; f++) {
                    Map<String, Long> facetCounts = counts.get(f);
                    String[] values = dimensions[f].values();
                    int offset = dimensions[f].packed() != null ? 1 : 0;
                    int[] perOrdinal = ordinalCounts[f];
                    for (int ord = 0; ord < values.length; ord++) {
                        if (perOrdinal[ord + offset] > 0) {
                            facetCounts.merge(values[ord], (long) perOrdinal[ord + offset], Long::sum);
                        }
                    }
                }
            }
        }
    }
}
