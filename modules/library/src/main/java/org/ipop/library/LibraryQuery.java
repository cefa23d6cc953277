package org.ipop.library;

import java.time.LocalDate;
import java.util.List;

/** A search of the current tenant's library: Chinese text, filters, sort, page. Empty lists mean "any". */
public record LibraryQuery(String text, List<String> institutions, List<String> types, List<String> legalStatuses,
        List<String> segments, List<String> ipc, List<String> tiers, List<String> statuses, List<String> regions,
        LocalDate filedFrom, LocalDate filedTo, String sort, int page, int size) {

    public LibraryQuery {
        institutions = List.copyOf(institutions);
        types = List.copyOf(types);
        legalStatuses = List.copyOf(legalStatuses);
        segments = List.copyOf(segments);
        ipc = List.copyOf(ipc);
        tiers = List.copyOf(tiers);
        statuses = List.copyOf(statuses);
        regions = List.copyOf(regions);
    }

    /** The same search limited to these institutions. */
    public LibraryQuery withInstitutions(List<String> limitedTo) {
        return new LibraryQuery(text, limitedTo, types, legalStatuses, segments, ipc, tiers, statuses, regions,
                filedFrom, filedTo, sort, page, size);
    }
}
