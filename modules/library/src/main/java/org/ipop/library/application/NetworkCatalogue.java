package org.ipop.library.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipop.kernel.TenantId;
import org.ipop.library.CataloguePatent;
import org.ipop.library.MatchablePatent;
import org.ipop.library.persistence.MongoCatalogue;
import org.ipop.library.search.PatentIndex;
import org.ipop.library.search.PatentQuery;
import org.ipop.library.search.SearchResult;

/**
 * The network catalogue (一点发布、全网通达): the public fields of what tenants publish, in the network database
 * ({@link MongoCatalogue}), and its full-text index in {@code <ipop.data.dir>/network-search} — the same Chinese
 * analysis and ranking as a tenant's library search, over title and abstract (no claim, tier or value leaves a
 * tenant). Like the library's, the index is derived from MongoDB and rebuildable from it: opened, it catches up with
 * the entries published since its last commit's mark, and is built afresh if it has no mark or does not hold as many
 * entries as the catalogue (a withdrawal that a crash kept from reaching it).
 */
@ApplicationScoped
public class NetworkCatalogue {

    private static final Logger LOG = Logger.getLogger(NetworkCatalogue.class.getName());

    private final Path directory;
    private final MongoCatalogue catalogue;
    private volatile PatentIndex index;

    @Inject
    public NetworkCatalogue(@ConfigProperty(name = "ipop.data.dir", defaultValue = "ipop-data") String dataDirectory,
            MongoCatalogue catalogue) {
        this.directory = Path.of(dataDirectory).toAbsolutePath().resolve("network-search");
        this.catalogue = catalogue;
    }

    /** For CDI's client proxy only. */
    protected NetworkCatalogue() {
        this.directory = null;
        this.catalogue = null;
    }

    /** Copies the public fields of one of the tenant's patents into the catalogue; searchable at once. */
    public void publish(TenantId tenant, String applicationNumber) {
        Instant mark = Instant.now();
        PatentIndex opened = index();
        catalogue.publish(tenant, applicationNumber).ifPresent(opened::upsert);
        commit(opened, mark);
    }

    /**
     * Copies the public fields of published patents into their entries again, after a re-import changed them;
     * searchable at once. Patents that are not published are left alone.
     */
    public void republish(TenantId tenant, Collection<String> applicationNumbers) {
        Instant mark = Instant.now();
        PatentIndex opened = index();
        catalogue.republish(tenant, applicationNumbers).forEach(opened::upsert);
        commit(opened, mark);
    }

    /** Withdraws a patent from the catalogue and its search, at once. */
    public void withdraw(TenantId tenant, String applicationNumber) {
        Instant mark = Instant.now();
        catalogue.withdraw(tenant, applicationNumber);
        PatentIndex opened = index();
        opened.delete(MongoCatalogue.key(tenant, applicationNumber));
        commit(opened, mark);
    }

    /**
     * One page of the catalogue: the newest first, or, given words, the patents whose title or abstract has every
     * one of them (in any order), most relevant first.
     */
    public List<CataloguePatent> page(String text, int page, int size) {
        if (text != null && !text.isBlank()) {
            return catalogue.byKeys(search(text.strip(), page, size));
        }
        long offset = (long) page * size;
        return offset > Integer.MAX_VALUE ? List.of() : catalogue.newest((int) offset, size);
    }

    /** {@link MongoCatalogue#forEachMatchable}. */
    public void forEachMatchable(TenantId viewer, Consumer<MatchablePatent> action) {
        catalogue.forEachMatchable(viewer, action);
    }

    /** How many entries the search index holds, for checks. */
    long searchableEntries() {
        return index().count();
    }

    private List<String> search(String text, int page, int size) {
        LibrarySearch.requireWithinWindow(page, size, "use more specific words");
        SearchResult result = index().search(new PatentQuery(text, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null, null, false, PatentQuery.Sort.RELEVANCE, page, size,
                EnumSet.noneOf(PatentQuery.Facet.class)));
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }

    private static void commit(PatentIndex index, Instant mark) {
        index.commitUpTo(mark);
        index.refresh();
    }

    private PatentIndex index() {
        PatentIndex opened = index;
        if (opened == null) {
            synchronized (this) {
                opened = index;
                if (opened == null) {
                    opened = open();
                    index = opened;
                }
            }
        }
        return opened;
    }

    private PatentIndex open() {
        PatentIndex opened = PatentIndex.open(directory);
        Instant now = Instant.now();
        Optional<Instant> from = opened.catchUpFrom();
        long caughtUp = from.isEmpty() ? 0 : load(opened, Date.from(from.get()));
        opened.refresh();
        boolean rebuilt = from.isEmpty() || opened.count() != catalogue.count();
        if (rebuilt) {
            opened.deleteAll();
            caughtUp = load(opened, null);
        }
        commit(opened, now);
        long entries = caughtUp;
        LOG.info(() -> String.format("Network search index %s: %d entries", rebuilt ? "built" : "caught up",
                entries));
        return opened;
    }

    private long load(PatentIndex opened, Date since) {
        long[] count = {0};
        catalogue.forEachSearchDocument(since, document -> {
            opened.upsert(document);
            count[0]++;
        });
        return count[0];
    }

    @PreDestroy
    void close() {
        PatentIndex opened = index;
        if (opened != null) {
            opened.close();
            index = null;
        }
    }
}
