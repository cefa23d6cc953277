package org.ipop.library.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the search index knows about one patent of a tenant's library. The index is a derived copy: the application
 * rebuilds it from its store, so only searchable, filterable, sortable and facetable values are here.
 *
 * @param id            the tenant-local patent id, the canonical application number such as {@code CN202223220665.2}
 * @param title         the Chinese title (indexed as words and as bigrams, and stored for display)
 * @param abstractText  the abstract, may be null
 * @param firstClaim    the first claim, may be null
 * @param institution   the owning institution (exact value, facet), may be null
 * @param type          INVENTION, UTILITY_MODEL or DESIGN (exact value, facet), may be null
 * @param legalStatus   the legal status as imported (exact value, facet), may be null
 * @param segmentCodes  industry segment codes such as {@code SEI:6.4} (facet)
 * @param ipcSubclasses IPC subclasses such as {@code B64U}
 * @param ipcCodes      full IPC codes such as {@code B64U20/80}; their subclasses need not be repeated above
 * @param tier          the value tier, may be null
 * @param status        the screening status such as INVENTORIED or ADMITTED (exact value, facet), may be null
 * @param regionCode    the 6-digit administrative division code, may be null
 * @param filingDate    the filing date, may be null (sorts last)
 * @param valueScore    the value score 0–100; NaN means "not assessed" and is indexed as 0
 * @param published     whether the patent is shown in the public catalogue
 */
public record PatentSearchDocument(
        String id,
        String title,
        String abstractText,
        String firstClaim,
        String institution,
        String type,
        String legalStatus,
        List<String> segmentCodes,
        List<String> ipcSubclasses,
        List<String> ipcCodes,
        String tier,
        String status,
        String regionCode,
        LocalDate filingDate,
        double valueScore,
        boolean published) {

    public PatentSearchDocument {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is blank");
        }
        title = title == null ? "" : title;
        segmentCodes = segmentCodes == null ? List.of() : List.copyOf(segmentCodes);
        ipcSubclasses = ipcSubclasses == null ? List.of() : List.copyOf(ipcSubclasses);
        ipcCodes = ipcCodes == null ? List.of() : List.copyOf(ipcCodes);
        valueScore = Double.isNaN(valueScore) ? 0 : valueScore;
    }
}
