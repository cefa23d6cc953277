package org.ipop.library.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
            private final int[] narrowRows;
            private final FacetOrdinals.Dimension[] dimensions = new FacetOrdinals.Dimension[facets.size()];
            /** Per requested facet, counts by ordinal; for packed facets by ordinal + 1, slot 0 counting "none". */
            private final int[][] ordinalCounts = new int[facets.size()][];
            /**
             * The requested slots, in runs of adjacent slots of at most {@value #CHUNK_BITS} bits: a hit adds one to
             * the count of its run's bits taken together, and {@link #finish()} spreads those counts over the
             * slots. All seven facets then cost three additions per hit instead of eight (see {@link Chunk}).
             */
            private final Chunk[] chunks;
            private final int[] chunkShifts;
            private final long[] chunkMasks;
            private final int[][] chunkCounts;
            private final FacetOrdinals.Listed[] listed;
            private final int[][] listedCounts;
            private final int[] buffer = new int[BUFFER_SIZE];
            private int buffered;

            SegmentCounter(FacetOrdinals.Segment segment) {
                rows = segment.rows();
                narrowRows = segment.narrowRows();
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
                chunks = Chunk.of(shifts, masks, slotCountList);
                chunkShifts = Arrays.stream(chunks).mapToInt(Chunk::shift).toArray();
                chunkMasks = Arrays.stream(chunks).mapToLong(chunk -> (1L << chunk.bits()) - 1).toArray();
                chunkCounts = Arrays.stream(chunks).map(chunk -> new int[1 << chunk.bits()]).toArray(int[][]::new);
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
                // The same loop over int rows and over long rows: one loop reading either would test the array's
                // type per hit, on the hottest path of a search.
                if (chunks.length > 0 && narrowRows != null) {
                    for (int i = 0; i < buffered; i++) {
                        int row = narrowRows[buffer[i]];
                        for (int c = 0; c < chunkShifts.length; c++) {
                            chunkCounts[c][(int) ((row >>> chunkShifts[c]) & chunkMasks[c])]++;
                        }
                    }
                } else if (chunks.length > 0) {
                    for (int i = 0; i < buffered; i++) {
                        long row = rows[buffer[i]];
                        for (int c = 0; c < chunkShifts.length; c++) {
                            chunkCounts[c][(int) ((row >>> chunkShifts[c]) & chunkMasks[c])]++;
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
                for (int c = 0; c < chunks.length; c++) {
                    chunks[c].spread(chunkCounts[c]);
                }
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

    /** Runs of adjacent slots are counted together up to this many bits: 1,024 counts, 4 KB, stay in the L1 cache. */
    private static final int CHUNK_BITS = 10;

    /**
     * Adjacent slots of the packed row counted together: {@code bits} bits from {@code shift}, holding the slots
     * {@code slotShifts} (relative to {@code shift}) with their masks and the counts each slot adds to.
     */
    private record Chunk(int shift, int bits, int[] slotShifts, long[] slotMasks, int[][] slotCounts) {

        /** The chunks of the given slots (shift, mask, counts; in any order). */
        static Chunk[] of(List<Integer> shifts, List<Long> masks, List<int[]> counts) {
            Integer[] order = new Integer[shifts.size()];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingInt(shifts::get));
            List<Chunk> chunks = new ArrayList<>();
            int first = 0;
            while (first < order.length) {
                int start = shifts.get(order[first]);
                int end = first; // exclusive
                int bits = 0;
                while (end < order.length) {
                    int slot = order[end];
                    int slotBits = Long.bitCount(masks.get(slot));
                    boolean adjacent = shifts.get(slot) == start + bits;
                    if (!adjacent || (bits > 0 && bits + slotBits > CHUNK_BITS)) {
                        break;
                    }
                    bits += slotBits;
                    end++;
                }
                int size = end - first;
                int[] slotShifts = new int[size];
                long[] slotMasks = new long[size];
                int[][] slotCounts = new int[size][];
                for (int i = 0; i < size; i++) {
                    int slot = order[first + i];
                    slotShifts[i] = shifts.get(slot) - start;
                    slotMasks[i] = masks.get(slot);
                    slotCounts[i] = counts.get(slot);
                }
                chunks.add(new Chunk(start, bits, slotShifts, slotMasks, slotCounts));
                first = end;
            }
            return chunks.toArray(Chunk[]::new);
        }

        /** Adds the chunk's counts, by combined value, to the counts of its slots. */
        void spread(int[] combinedCounts) {
            for (int combined = 0; combined < combinedCounts.length; combined++) {
                int count = combinedCounts[combined];
                if (count > 0) {
                    for (int s = 0; s < slotShifts.length; s++) {
                        slotCounts[s][(int) ((combined >>> slotShifts[s]) & slotMasks[s])] += count;
                    }
                }
            }
        }
    }
}
