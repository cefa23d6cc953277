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
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The facet values of each segment, read once from the doc values into heap arrays and shared by all searches.
 *
 * <p>Counting a facet straight from doc values costs a memory-mapped lookup per hit and facet (about half of the
 * search time for queries with many hits, measured); an array lookup is several times cheaper. Segments never
 * change, so the arrays live as long as the segment (keyed by its core, dropped when Lucene closes it). A segment
 * written by a merge is loaded before it becomes searchable ({@link #load} is the writer's merged-segment warmer);
 * a freshly flushed segment is small and loads at its first search.
 *
 * <p>Memory: two bytes per patent and single-valued facet, four bytes per patent and value for segment codes,
 * about 20 MB per million patents for all facets.
 */
final class FacetOrdinals {

    /**
     * One facet of one segment: its distinct values in ordinal order, and per document either one ordinal + 1
     * ({@code single}, 0 = no value) or a range {@code starts[doc]..starts[doc + 1]} of {@code multi}.
     */
    record Dimension(String[] values, char[] single, int[] starts, int[] multi) {
    }

    /** A char holds ordinal + 1 up to this many distinct values; a facet with more is stored as multi-valued. */
    private static final int MAX_SINGLE_VALUES = Character.MAX_VALUE - 1;

    private final Map<IndexReader.CacheKey, Map<PatentQuery.Facet, Dimension>> bySegment = new ConcurrentHashMap<>();

    /** The facets of {@code segment}, loaded if this is the first time. */
    Map<PatentQuery.Facet, Dimension> of(LeafReader segment) {
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

    private static Map<PatentQuery.Facet, Dimension> read(LeafReader segment) {
        try {
            Map<PatentQuery.Facet, Dimension> dimensions = new EnumMap<>(PatentQuery.Facet.class);
            for (PatentQuery.Facet facet : PatentQuery.Facet.values()) {
                dimensions.put(facet, read(segment, PatentFields.FACET_FIELDS.get(facet)));
            }
            return dimensions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Dimension read(LeafReader segment, String field) throws IOException {
        SortedSetDocValues docValues = DocValues.getSortedSet(segment, field);
        int valueCount = Math.toIntExact(docValues.getValueCount());
        String[] values = new String[valueCount];
        for (int ord = 0; ord < valueCount; ord++) {
            values[ord] = docValues.lookupOrd(ord).utf8ToString();
        }
        SortedDocValues singleValued = DocValues.unwrapSingleton(docValues);
        if (singleValued != null && valueCount <= MAX_SINGLE_VALUES) {
            char[] single = new char[segment.maxDoc()];
            for (int doc = singleValued.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = singleValued.nextDoc()) {
                single[doc] = (char) (singleValued.ordValue() + 1);
            }
            return new Dimension(values, single, null, null);
        }
        int[] starts = new int[segment.maxDoc() + 1];
        int[] multi = new int[Math.max(16, segment.maxDoc())];
        int size = 0;
        int nextDoc = 0;
        for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
            while (nextDoc <= doc) {
                starts[nextDoc++] = size;
            }
            for (int i = docValues.docValueCount(); i > 0; i--) {
                if (size == multi.length) {
                    multi = Arrays.copyOf(multi, size + (size >> 1));
                }
                multi[size++] = Math.toIntExact(docValues.nextOrd());
            }
        }
        while (nextDoc <= segment.maxDoc()) {
            starts[nextDoc++] = size;
        }
        return new Dimension(values, null, starts, Arrays.copyOf(multi, size));
    }
}
