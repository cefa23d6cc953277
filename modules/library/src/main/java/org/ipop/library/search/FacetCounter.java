package org.ipop.library.search;

import java.io.IOException;
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
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the hits of a query and the values of the requested facets among them.
 *
 * <p>Counting is per segment on segment-local ordinals ({@link FacetOrdinals}; an {@code int[]} of counts per
 * facet, sized by the segment's number of distinct values); only values that occurred are merged by name when the
 * segment is done. Unlike lucene-facet's {@code SortedSetDocValuesFacetCounts} this needs no global ordinal map,
 * which would have to be rebuilt for every near-real-time reader, and it counts while the hits are collected
 * instead of recording them first. The facet fields have few distinct values (institutions, codes, provinces), so
 * the per-segment arrays are small.
 */
final class FacetCounter implements CollectorManager<FacetCounter.SliceCounter, FacetCounter.Counts> {

    private static final Comparator<SearchResult.FacetCount> MOST_FREQUENT_FIRST = Comparator
            .comparingLong(SearchResult.FacetCount::count).reversed()
            .thenComparing(SearchResult.FacetCount::value);

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
         * Counts one segment. Hits are buffered and counted in tight loops: per hit, the packed row (every slot of
         * every packed facet), then the listed facets one at a time.
         */
        private final class SegmentCounter implements LeafCollector {
            private final long[] rows;
            private final FacetOrdinals.Dimension[] dimensions = new FacetOrdinals.Dimension[facets.size()];
            /** Per requested facet, counts by ordinal; for packed facets by ordinal + 1, slot 0 counting "none". */
            private final int[][] ordinalCounts = new int[facets.size()][];
            /** Every slot of every requested packed facet: where it is in the row, and the counts it adds to. */
            private final int[] slotShifts;
            private final long[] slotMasks;
            private final int[][] slotCounts;
            private final FacetOrdinals.Listed[] listed;
            private final int[][] listedCounts;
            private final int[] buffer = new int[BUFFER_SIZE];
            private int buffered;

            SegmentCounter(FacetOrdinals.Segment segment) {
                rows = segment.rows();
                List<Integer> shifts = new ArrayList<>();
                List<Long> masks = new ArrayList<>();
                List<int[]> slotCountList = new ArrayList<>();
                List<FacetOrdinals.Listed> listedList = new ArrayList<>();
                List<int[]> listedCountList = new ArrayList<>();
                for (int f = 0; f < dimensions.length; f++) {
                    dimensions[f] = segment.dimensions().get(facets.get(f));
                    FacetOrdinals.Packed packed = dimensions[f].packed();
                    ordinalCounts[f] = new int[dimensions[f].values().length + (packed != null ? 1 : 0)];
                    if (packed != null) {
                        for (int slot = 0; slot < packed.slots(); slot++) {
                            shifts.add(packed.shift() + slot * packed.bits());
                            masks.add(packed.mask());
                            slotCountList.add(ordinalCounts[f]);
                        }
                    } else {
                        listedList.add(dimensions[f].listed());
                        listedCountList.add(ordinalCounts[f]);
                    }
                }
                slotShifts = shifts.stream().mapToInt(Integer::intValue).toArray();
                slotMasks = masks.stream().mapToLong(Long::longValue).toArray();
                slotCounts = slotCountList.toArray(int[][]::new);
                listed = listedList.toArray(FacetOrdinals.Listed[]::new);
                listedCounts = listedCountList.toArray(int[][]::new);
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

            /**
             * Bulk scorers (disjunctions, filters) hand over their hits a window at a time: copied into the buffer
             * in one call rather than one {@link #collect(int)} per hit, which measured a third of the counting.
             */
            @Override
            public void collect(DocIdStream stream) throws IOException {
                countBuffered();
                while ((buffered = stream.intoArray(buffer)) > 0) {
                    countBuffered();
                }
            }

            private void countBuffered() {
                if (slotShifts.length > 0) {
                    for (int i = 0; i < buffered; i++) {
                        long row = rows[buffer[i]];
                        for (int s = 0; s < slotShifts.length; s++) {
                            slotCounts[s][(int) ((row >>> slotShifts[s]) & slotMasks[s])]++;
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
                    String[] values = dimensions[f].values();
                    int first = dimensions[f].packed() != null ? 1 : 0; // packed counts are by ordinal + 1
                    for (int ord = 0; ord < values.length; ord++) {
                        int count = ordinalCounts[f][first + ord];
                        if (count > 0) {
                            counts.get(f).merge(values[ord], (long) count, Long::sum);
                        }
                    }
                }
            }
        }
    }
}
