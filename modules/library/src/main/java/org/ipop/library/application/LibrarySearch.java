package org.ipop.library.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.TenantId;
import org.ipop.kernel.ValidationFailed;
import org.ipop.library.LibraryPage;
import org.ipop.library.LibraryQuery;
import org.ipop.library.persistence.MongoPatents;
import org.ipop.library.search.PatentIndex;
import org.ipop.library.search.PatentQuery;
import org.ipop.library.search.PatentSearchDocument;
import org.ipop.library.search.SearchResult;

/**
 * One Lucene index per tenant, derived from MongoDB and always rebuildable from it, kept in
 * {@code <ipop.data.dir>/search/<tenant>}. Each commit records up to when patents were indexed; when an index is
 * opened it is built from scratch if it has no such mark, and otherwise caught up with the patents changed since (a
 * crash between a MongoDB write and an index commit loses nothing). Several Liberty nodes each keep their own copy.
 */
@ApplicationScoped
public class LibrarySearch {

    private static final Logger LOG = Logger.getLogger(LibrarySearch.class.getName());

    private final Path root;
    private final MongoPatents patents;
    private final Map<TenantId, PatentIndex> indexes = new ConcurrentHashMap<>();

    @Inject
    public LibrarySearch(@ConfigProperty(name = "ipop.data.dir", defaultValue = "ipop-data") String dataDirectory,
            MongoPatents patents) {
        this.root = Path.of(dataDirectory).toAbsolutePath().resolve("search");
        this.patents = patents;
    }

    /** For CDI's client proxy only. */
    protected LibrarySearch() {
        this.root = null;
        this.patents = null;
    }

    /** Re-indexes the given patents of {@code tenant} from MongoDB and commits, so search sees them at once. */
    public void index(TenantId tenant, List<String> ids) {
        Instant mark = Instant.now();
        PatentIndex index = index(tenant);
        if (!ids.isEmpty()) {
            index.upsertAll(patents.searchDocuments(tenant, ids));
        }
        index.commitUpTo(mark);
    }

    /**
     * Indexes the given patents as they were just written; search sees them within the index's refresh interval,
     * but they are made durable only by a later {@link #commit}. For imports, which commit once at the end: a crash
     * before that is repaired when the index is next opened, from the mark of the last commit.
     */
    public void indexWithoutCommit(TenantId tenant, List<PatentSearchDocument> written) {
        if (!written.isEmpty()) {
            index(tenant).upsertAll(written);
        }
    }

    /**
     * Makes everything indexed for {@code tenant} so far durable, marked as indexed up to {@code since}, and
     * searchable at once: an import reports COMPLETED only after this, and a user who then searches must find every
     * row (the background refresh would show the last second's rows a moment later).
     */
    public void commit(TenantId tenant, Instant since) {
        PatentIndex index = index(tenant);
        index.commitUpTo(since);
        index.refresh();
    }

    public LibraryPage search(TenantId tenant, LibraryQuery query) {
        int size = Math.max(1, Math.min(query.size(), PatentQuery.MAX_SIZE));
        requireWithinWindow(Math.max(0, query.page()), size, "narrow the search with filters");
        SearchResult result = index(tenant).search(new PatentQuery(query.text(), query.institutions(), query.types(),
                query.legalStatuses(), query.segments(), query.ipc(), query.tiers(), query.statuses(),
                query.regions(), query.filedFrom(), query.filedTo(), false, sort(query.sort()),
                Math.max(0, query.page()), size, EnumSet.allOf(PatentQuery.Facet.class)));
        Map<String, List<LibraryPage.FacetCount>> facets = new LinkedHashMap<>();
        result.facets().forEach((facet, counts) -> facets.put(facet.key(), counts.stream()
                .map(count -> new LibraryPage.FacetCount(count.value(), count.count())).toList()));
        return new LibraryPage(result.totalHits(), Math.max(0, query.page()), size,
                patents.summaries(tenant, result.hits().stream().map(SearchResult.Hit::id).toList()), facets,
                result.tookMillis());
    }

    /**
     * Refuses a page beyond the first {@value PatentQuery#MAX_WINDOW} hits as the user's error (400), saying how to
     * get there instead ({@code narrowing}); library and network catalogue searches alike.
     */
    static void requireWithinWindow(int page, int size, String narrowing) {
        if (!PatentQuery.withinWindow(page, size)) {
            throw new ValidationFailed("The search is not valid", List.of(new FieldError("page",
                    String.valueOf(page), "only the first " + PatentQuery.MAX_WINDOW
                    + " results can be paged through; " + narrowing)));
        }
    }

    private PatentIndex index(TenantId tenant) {
        return indexes.computeIfAbsent(tenant, this::open);
    }

    private PatentIndex open(TenantId tenant) {
        PatentIndex index = PatentIndex.open(root.resolve(tenant.value()));
        Instant now = Instant.now();
        Date since = index.catchUpFrom().map(Date::from).orElse(null);
        if (since == null) {
            index.deleteAll();
        }
        long[] count = {0};
        patents.forEachSearchDocument(tenant, since, document -> {
            index.upsert(document);
            count[0]++;
        });
        index.commitUpTo(now);
        LOG.info(() -> String.format("Search index of %s %s: %d patents", tenant,
                since == null ? "built" : "caught up", count[0]));
        return index;
    }

    private static PatentQuery.Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return PatentQuery.Sort.RELEVANCE;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "relevance" -> PatentQuery.Sort.RELEVANCE;
            case "date", "filing_date_desc", "newest" -> PatentQuery.Sort.FILING_DATE_DESC;
            case "filing_date_asc", "oldest" -> PatentQuery.Sort.FILING_DATE_ASC;
            case "value", "value_desc" -> PatentQuery.Sort.VALUE_DESC;
            default -> throw new ValidationFailed("The search is not valid", List.of(new FieldError("sort", sort,
                    "relevance, date, oldest or value")));
        };
    }

    @PreDestroy
    void close() {
        indexes.values().forEach(PatentIndex::close);
        indexes.clear();
    }
}
