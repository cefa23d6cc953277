/**
 * Chinese full-text search over a tenant's patent library, with filters, facets, sort and paging: a plain Lucene
 * component (no CDI, no store) that the application wires in and fills from its store.
 *
 * <p>{@link org.ipop.library.search.PatentIndex} holds one tenant's index: {@code upsert}/{@code delete} what the
 * store changes, {@code search} with a {@link org.ipop.library.search.PatentQuery}, read a
 * {@link org.ipop.library.search.SearchResult}. {@link org.ipop.library.search.PatentSearchDocument} is what is
 * indexed for one patent.
 *
 * <p>Analysis (see {@code PatentFields}): titles, abstracts and first claims are indexed as CJK bigrams in one field
 * that decides what matches; titles are indexed again as smartcn words and as bigrams with positions, which rank
 * title matches first. Only titles are segmented into words because segmentation runs at about 0.55 M chars/s
 * against 26 M chars/s for bigrams (platform notes, "Chinese analysis speed"): 800 characters per patent at
 * 5,000 patents/s would need more than seven cores of segmentation.
 *
 * <p>Keeping the index in step with the store is the application's job: upsert on every change, and at start-up
 * compare the markers of {@link org.ipop.library.search.PatentIndex#commitData()} (written with
 * {@link org.ipop.library.search.PatentIndex#commit(java.util.Map)}) with the store, rebuilding when they are
 * missing or stale. {@code SearchBenchmark} (test sources) measures indexing and search at one million patents.
 */
package org.ipop.library.search;
