package org.ipop.library.web;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.ValidationFailed;
import org.ipop.library.LibraryQuery;

/**
 * The query parameters of a library search, shared by the result list and its Excel export. JAX-RS fills the
 * fields ({@code @BeanParam}); they are request values, not injected dependencies.
 */
public class SearchParameters {

    @QueryParam("q")
    String text;
    @QueryParam("institution")
    List<String> institutions;
    @QueryParam("type")
    List<String> types;
    @QueryParam("legalStatus")
    List<String> legalStatuses;
    @QueryParam("segment")
    List<String> segments;
    @QueryParam("ipc")
    List<String> ipc;
    @QueryParam("tier")
    List<String> tiers;
    @QueryParam("status")
    List<String> statuses;
    @QueryParam("region")
    List<String> regions;
    @QueryParam("filedFrom")
    String filedFrom;
    @QueryParam("filedTo")
    String filedTo;
    @QueryParam("sort")
    @DefaultValue("relevance")
    String sort;

    LibraryQuery page(int page, int size) {
        return new LibraryQuery(text, list(institutions), list(types), list(legalStatuses), list(segments), list(ipc),
                list(tiers), list(statuses), list(regions), date("filedFrom", filedFrom), date("filedTo", filedTo),
                sort, page, size);
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationFailed("The search is not valid",
                    List.of(new FieldError(field, value, "a date like 2022-12-31")));
        }
    }
}
