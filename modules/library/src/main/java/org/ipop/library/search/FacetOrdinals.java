package org.ipop.library.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The facet values of each segment, read once from the doc values into heap arrays and shared by all searches.
 *
 * <p>Why: counting straight from doc values costs memory-mapped lookups per hit and facet, about half of the search
 * time for queries with many hits (measured). From heap arrays it is several times cheaper, and cheaper still when
 * the facets of a patent sit together: {@link Segment#rows} packs the ordinals of all facets into one {@code long}
 * per patent, so a hit costs one memory access, not one per facet, which matters when hits are scattered over a
 * large segment. A multi-valued facet (segment codes) takes as many slots as a patent of the segment has values at
 * most. A facet that no longer fits in the 64 bits is kept as a list of ordinals per patent.
 *
 * <p>Segments never change, so the arrays live as long as the segment (keyed by its core, dropped when Lucene closes
 * it). A segment written by a merge is loaded before it becomes searchable ({@link #load} is the writer's
 * merged-segment warmer); a freshly flushed segment is small and loads at its first search.
 *
 * <p>Memory: 4 bytes per patent while the facets fit in an {@code int} (4 MB per million patents; the seven facets
 * of a library with 50 institutions and 18 segments take 28 bits), 8 while they fit in a {@code long}, plus about
 * 4 bytes per patent and value for a listed facet.
 */
final class FacetOrdinals {

    /**
     * A facet packed into the rows: {@code slots} ordinals + 1 (0 = no value), the one of slot {@code s} being
     * {@code (row >>> (shift + s * bits)) & mask}.
     */
    record Packed(int shift, int bits, int slots, long mask) {
    }

    /** The ordinals of document {@code doc} are {@code ords[starts[doc]]} up to {@code ords[starts[doc + 1]]}. */
    record Listed(int[] starts, int[] ords) {
    }

    /** One facet of a segment: its values in ordinal order, and where the ordinals are (one of the two is null). */
    record Dimension(String[] values, Packed packed, Listed listed) {
    }

    /**
     * One segment: the packed rows, one per document, and every facet. When the packed facets fit in 32 bits the
     * rows are {@code narrowRows} and {@code rows} is null, else the reverse.
     */
    record Segment(long[] rows, int[] narrowRows, Map<PatentQuery.Facet, Dimension> dimensions) {
    }

    private final Map<IndexReader.CacheKey, Segment> bySegment = new ConcurrentHashMap<>();

    /** The facets of {@code segment}, loaded if this is the first time. */
    Segment of(LeafReader segment) {
        IndexReader.CacheHelper cacheHelper = segment.getCoreCacheHelper();
        if (cacheHelper == null) {
            return read(segment);
        }
        return bySegment.computeIfAbsent(cacheHelper.getKey(), key -> {
            cacheHelper.addClosedListener(bySegment::remove);
            return read(segment);
        });
    }

    /** Loads {@code segment} ahead of its first search. */
    void load(LeafReader segment) {
        of(segment);
    }

    private static Segment read(LeafReader segment) {
        try {
            long[] rows = new long[segment.maxDoc()];
            int usedBits = 0;
            Map<PatentQuery.Facet, Dimension> dimensions = new EnumMap<>(PatentQuery.Facet.class);
            for (PatentQuery.Facet facet : PatentQuery.Facet.values()) {
                String field = PatentFields.FACET_FIELDS.get(facet);
                SortedSetDocValues docValues = DocValues.getSortedSet(segment, field);
                String[] values = values(docValues);
                // Bits for ordinal + 1, so that 0 means "no value".
                int bits = 64 - Long.numberOfLeadingZeros(values.length);
                int slots = maxValuesPerDocument(docValues);
                if (usedBits + slots * bits <= Long.SIZE) {
                    Packed packed = pack(DocValues.getSortedSet(segment, field), rows, usedBits, bits, slots);
                    dimensions.put(facet, new Dimension(values, packed, null));
                    usedBits += slots * bits;
                } else {
                    Listed listed = list(DocValues.getSortedSet(segment, field), segment.maxDoc());
                    dimensions.put(facet, new Dimension(values, null, listed));
                }
            }
            if (usedBits <= Integer.SIZE) {
                // Half the memory, and half the memory traffic of counting: a query with many hits reads the rows
                // of most of the segment, and that reading, not the additions, is most of the counting's time.
                int[] narrowRows = new int[rows.length];
                for (int doc = 0; doc < rows.length; doc++) {
                    narrowRows[doc] = (int) rows[doc];
                }
                return new Segment(null, narrowRows, dimensions);
            }
            return new Segment(rows, null, dimensions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the doc values to their end: 1 for a single-valued field, whatever the data. */
    private static int maxValuesPerDocument(SortedSetDocValues docValues) throws IOException {
        if (DocValues.unwrapSingleton(docValues) != null) {
            return 1;
        }
        int max = 0;
        for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
            max = Math.max(max, docValues.docValueCount());
        }
        return max;
    }

    private static String[] values(SortedSetDocValues docValues) throws IOException {
        String[] values = new String[Math.toIntExact(docValues.getValueCount())];
        for (int ord = 0; ord < values.length; ord++) {
            values[ord] = docValues.lookupOrd(ord).utf8ToString();
        }
        return values;
    }

    private static Packed pack(SortedSetDocValues docValues, long[] rows, int shift, int bits, int slots)
            throws IOException {
        for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
            for (int slot = 0, count = docValues.docValueCount(); slot < count; slot++) {
                rows[doc] |= (docValues.nextOrd() + 1) << (shift + slot * bits);
            }
        }
        return new Packed(shift, bits, slots, bits == Long.SIZE ? -1L : (1L << bits) - 1);
    }

    private static Listed list(SortedSetDocValues docValues, int maxDoc) throws IOException {
        int[] starts = new int[maxDoc + 1];
        int[] ords = new int[Math.max(16, maxDoc)];
        int size = 0;
        int nextDoc = 0;
        for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
            while (nextDoc <= doc) {
                starts[nextDoc++] = size;
            }
            for (int i = docValues.docValueCount(); i > 0; i--) {
                if (size == ords.length) {
                    ords = Arrays.copyOf(ords, size + (size >> 1));
                }
                ords[size++] = Math.toIntExact(docValues.nextOrd());
            }
        }
        while (nextDoc <= maxDoc) {
            starts[nextDoc++] = size;
        }
        return new Listed(starts, Arrays.copyOf(ords, size));
    }
}
