package org.ipop.library.search;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A search over a tenant's patent library: free text, filters, sort, one page, and the facets to count.
 *
 * <p>Text: blank means "all patents". Otherwise the text is split at white space (and at Chinese or Latin commas,
 * semicolons and 、); every part must be found in the title, the abstract or the first claim, also inside a longer
 * word ({@code 电站} finds 水电站). Latin words and numbers match whole ({@code 5G} does not find 5GC). Titles
 * containing a part rank first. No query syntax: quotes, brackets and operators are just characters.
 *
 * <p>Filters: within one filter the values are alternatives (OR), different filters must all hold (AND), and an
 * empty list means "no restriction". {@code ipcPrefixes} take a subclass ({@code B64U}), a main group
 * ({@code B64U20}) or a full code ({@code B64U20/80}). {@code regionCodes} take any level of a 6-digit division
 * code: {@code 420000} (Hubei) matches its cities {@code 4201xx}, {@code 420100} (Wuhan) matches its districts.
 * {@code filingFrom} and {@code filingTo} are inclusive and may be null; a patent without a filing date never
 * matches a date range. {@code publishedOnly} restricts to the public catalogue.
 *
 * <p>Paging: {@code page} is 0-based, {@code size} is 1–{@value #MAX_SIZE}, and a page must end within the first
 * {@value #MAX_WINDOW} hits (deep paging costs memory and time; narrow the query instead).
 */
public record PatentQuery(
        String text,
        List<String> institutions,
        List<String> types,
        List<String> legalStatuses,
        List<String> segmentCodes,
        List<String> ipcPrefixes,
        List<String> tiers,
        List<String> statuses,
        List<String> regionCodes,
        LocalDate filingFrom,
        LocalDate filingTo,
        boolean publishedOnly,
        Sort sort,
        int page,
        int size,
        Set<Facet> facets) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_WINDOW = 10_000;

    /** The order of the hits. RELEVANCE with blank text means newest first, as nothing is scored. */
    public enum Sort { RELEVANCE, FILING_DATE_DESC, FILING_DATE_ASC, VALUE_DESC }

    /** The facets that can be counted; {@link #key()} is the name used outside Java (JSON, URLs). */
    public enum Facet {
        INSTITUTION("institution"),
        TYPE("type"),
        LEGAL_STATUS("legalStatus"),
        SEGMENT("segment"),
        TIER("tier"),
        STATUS("status"),
        /** Counted per province (the code {@code xx0000}). */
        REGION("region");

        private final String key;

        Facet(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public PatentQuery {
        text = text == null ? "" : text.strip();
        institutions = copy(institutions);
        types = copy(types);
        legalStatuses = copy(legalStatuses);
        segmentCodes = copy(segmentCodes);
        ipcPrefixes = copy(ipcPrefixes);
        tiers = copy(tiers);
        statuses = copy(statuses);
        regionCodes = copy(regionCodes);
        sort = sort == null ? Sort.RELEVANCE : sort;
        facets = facets == null || facets.isEmpty()
                ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(facets)); // iterates in declaration order
        if (page < 0) {
            throw new IllegalArgumentException("page < 0: " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_SIZE + ": " + size);
        }
        if (!withinWindow(page, size)) {
            throw new IllegalArgumentException("page " + page + " of size " + size + " ends beyond hit " + MAX_WINDOW);
        }
        if (filingFrom != null && filingTo != null && filingFrom.isAfter(filingTo)) {
            throw new IllegalArgumentException("filingFrom " + filingFrom + " is after filingTo " + filingTo);
        }
    }

    /** Whether page {@code page} (from 0) of {@code size} hits ends within the first {@value #MAX_WINDOW} hits. */
    public static boolean withinWindow(int page, int size) {
        return (long) (page + 1) * size <= MAX_WINDOW;
    }

    private static List<String> copy(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().filter(value -> value != null && !value.isBlank()).map(String::strip).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The query for {@code text}, first page of 20, relevance order, no filters and no facets. */
    public static PatentQuery of(String text) {
        return builder().text(text).build();
    }

    /** Builds a query; every filter defaults to "no restriction". */
    public static final class Builder {
        private String text = "";
        private List<String> institutions = List.of();
        private List<String> types = List.of();
        private List<String> legalStatuses = List.of();
        private List<String> segmentCodes = List.of();
        private List<String> ipcPrefixes = List.of();
        private List<String> tiers = List.of();
        private List<String> statuses = List.of();
        private List<String> regionCodes = List.of();
        private LocalDate filingFrom;
        private LocalDate filingTo;
        private boolean publishedOnly;
        private Sort sort = Sort.RELEVANCE;
        private int page;
        private int size = 20;
        private Set<Facet> facets = Set.of();

        private Builder() {
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder institutions(String... values) {
            this.institutions = List.of(values);
            return this;
        }

        public Builder types(String... values) {
            this.types = List.of(values);
            return this;
        }

        public Builder legalStatuses(String... values) {
            this.legalStatuses = List.of(values);
            return this;
        }

        public Builder segmentCodes(String... values) {
            this.segmentCodes = List.of(values);
            return this;
        }

        public Builder ipcPrefixes(String... values) {
            this.ipcPrefixes = List.of(values);
            return this;
        }

        public Builder tiers(String... values) {
            this.tiers = List.of(values);
            return this;
        }

        public Builder statuses(String... values) {
            this.statuses = List.of(values);
            return this;
        }

        public Builder regionCodes(String... values) {
            this.regionCodes = List.of(values);
            return this;
        }

        /** Inclusive bounds; either may be null. */
        public Builder filed(LocalDate from, LocalDate to) {
            this.filingFrom = from;
            this.filingTo = to;
            return this;
        }

        public Builder publishedOnly(boolean publishedOnly) {
            this.publishedOnly = publishedOnly;
            return this;
        }

        public Builder sort(Sort sort) {
            this.sort = sort;
            return this;
        }

        public Builder page(int page, int size) {
            this.page = page;
            this.size = size;
            return this;
        }

        public Builder facets(Facet... facets) {
            this.facets = Set.copyOf(Arrays.asList(facets));
            return this;
        }

        public Builder allFacets() {
            this.facets = EnumSet.allOf(Facet.class);
            return this;
        }

        public PatentQuery build() {
            return new PatentQuery(text, institutions, types, legalStatuses, segmentCodes, ipcPrefixes, tiers,
                    statuses, regionCodes, filingFrom, filingTo, publishedOnly, sort, page, size, facets);
        }
    }
}
