package org.ipop.matching;

import java.lang.ref.SoftReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.ipop.enterprises.EnterpriseView;
import org.ipop.enterprises.Enterprises;
import org.ipop.kernel.TenantId;
import org.ipop.library.MatchablePatent;
import org.ipop.library.ResourceLibrary;
import org.ipop.matching.engine.EnterpriseIndex;
import org.ipop.matching.engine.EnterpriseQuery;
import org.ipop.matching.engine.MatchingEngine;
import org.ipop.matching.engine.PatentCorpus;

/**
 * What incremental matching and the one-patent / one-enterprise previews read, kept per tenant between uses: the
 * library's available patents as a corpus, and the tenant's enterprises as the engine sees them with their index.
 * Reading them from MongoDB takes seconds for a centre and about half a minute at national scale, while one new
 * patent must reach all enterprises within a second; so what is kept is brought up to date with what changed
 * instead of being read again:
 * <ul>
 * <li>a patent that became available is read by its number and appended to the corpus ({@link PatentCorpus#plus});
 * <li>a patent found no longer available (every result is checked against the library before it is recorded, and
 * a patent asked for by number is read) is left out of every later result until it is available again;
 * <li>an enterprise that changed or answered a push is read again before the index is next used.
 * </ul>
 * Everything is read again once it is older than {@link #MAX_AGE}: a changed value score, tier or text, or a patent
 * that lapsed on a re-import, fires no event. A full campaign run over the library hands over the corpus it read.
 * Kept through soft references: under memory pressure the collector may drop it, and it is read again when needed.
 *
 * <p>Thread-safe: updates of one tenant are serialised; readers get an immutable {@link Patents} or
 * {@link KeptEnterprises} and never see one half updated.
 */
final class KeptForMatching {

    static final Duration MAX_AGE = Duration.ofMinutes(10);
    /** Above this share of changed enterprises, reading them all is cheaper than one by one. */
    private static final double READ_ALL_ABOVE = 0.1;

    private final ResourceLibrary library;
    private final Enterprises enterprises;
    private final BiFunction<TenantId, EnterpriseView, EnterpriseQuery> queryOf;
    private final Map<TenantId, Kept> kept = new ConcurrentHashMap<>();

    /** One tenant's: updated under its own lock. */
    private static final class Kept {
        SoftReference<Patents> patents = new SoftReference<>(null);
        SoftReference<KeptEnterprises> enterprises = new SoftReference<>(null);
        final Set<String> changedEnterprises = ConcurrentHashMap.newKeySet();
    }

    /**
     * The corpus, an engine over it, the patents of the corpus known to be no longer available, and when the corpus
     * was read in full (nanoTime).
     */
    record Patents(PatentCorpus corpus, MatchingEngine engine, Set<String> unavailable, long readAt) {

        Patents {
            unavailable = Set.copyOf(unavailable);
        }

        static Patents read(PatentCorpus corpus) {
            return new Patents(corpus, new MatchingEngine(corpus), Set.of(), System.nanoTime());
        }

        /** The patent's position if it is in the corpus and still available, else -1. */
        int availableIndexOf(String applicationNumber) {
            return unavailable.contains(applicationNumber) ? -1 : corpus.indexOf(applicationNumber);
        }

        /** The enterprise's query with the patents no longer available excluded too. */
        EnterpriseQuery excludingUnavailable(EnterpriseQuery query) {
            return query.alsoExcluding(unavailable);
        }
    }

    /** The tenant's enterprises as the engine sees them, by credit code, with their index. */
    record KeptEnterprises(Map<String, EnterpriseQuery> byCode, EnterpriseIndex index, long readAt) {

        static KeptEnterprises of(Map<String, EnterpriseQuery> byCode, long readAt) {
            return new KeptEnterprises(byCode, EnterpriseIndex.of(new ArrayList<>(byCode.values())), readAt);
        }
    }

    KeptForMatching(ResourceLibrary library, Enterprises enterprises,
            BiFunction<TenantId, EnterpriseView, EnterpriseQuery> queryOf) {
        this.library = library;
        this.enterprises = enterprises;
        this.queryOf = queryOf;
    }

    /** Whether what was read at {@code readAt} (nanoTime) is older than {@link #MAX_AGE}. */
    private static boolean tooOld(long readAt) {
        return System.nanoTime() - readAt > MAX_AGE.toNanos();
    }

    private Kept of(TenantId tenant) {
        return kept.computeIfAbsent(tenant, t -> new Kept());
    }

    /** The tenant's available patents: as kept, or read in full if nothing is kept or it is too old. */
    Patents patents(TenantId tenant) {
        Kept mine = of(tenant);
        synchronized (mine) {
            Patents current = mine.patents.get();
            if (current == null || tooOld(current.readAt())) {
                List<MatchablePatent> all = new ArrayList<>();
                library.forEachMatchable(tenant, all::add);
                current = Patents.read(PatentCorpus.of(all));
                mine.patents = new SoftReference<>(current);
            }
            return current;
        }
    }

    /** A corpus of all the tenant's available patents just read elsewhere (a full run): kept from now on. */
    void read(TenantId tenant, PatentCorpus corpus) {
        Kept mine = of(tenant);
        synchronized (mine) {
            mine.patents = new SoftReference<>(Patents.read(corpus));
        }
    }

    /**
     * The tenant's patents with these brought up to date: each is read from the library; one available and not in
     * the corpus is appended to it, one in the corpus is counted available or not as the library says now.
     */
    Patents withCurrent(TenantId tenant, Set<String> applicationNumbers) {
        if (applicationNumbers.isEmpty()) {
            return patents(tenant);
        }
        Kept mine = of(tenant);
        synchronized (mine) {
            Patents current = patents(tenant);
            Map<String, MatchablePatent> available = new LinkedHashMap<>();
            library.forEachMatchable(tenant, applicationNumbers, patent -> available.put(patent.id(), patent));
            List<MatchablePatent> added = available.values().stream()
                    .filter(patent -> current.corpus().indexOf(patent.id()) < 0).toList();
            Set<String> unavailable = new HashSet<>(current.unavailable());
            for (String number : applicationNumbers) {
                if (available.containsKey(number)) {
                    unavailable.remove(number);
                } else if (current.corpus().indexOf(number) >= 0) {
                    unavailable.add(number);
                }
            }
            if (added.isEmpty() && unavailable.equals(current.unavailable())) {
                return current;
            }
            PatentCorpus corpus = current.corpus().plus(added);
            Patents updated = new Patents(corpus, added.isEmpty() ? current.engine() : new MatchingEngine(corpus),
                    unavailable, current.readAt());
            mine.patents = new SoftReference<>(updated);
            return updated;
        }
    }

    /** Patents of the kept corpus found no longer available: left out from now on. */
    void unavailable(TenantId tenant, Collection<String> applicationNumbers) {
        if (applicationNumbers.isEmpty()) {
            return;
        }
        Kept mine = of(tenant);
        synchronized (mine) {
            Patents current = mine.patents.get();
            if (current != null) {
                Set<String> unavailable = new HashSet<>(current.unavailable());
                unavailable.addAll(applicationNumbers);
                mine.patents = new SoftReference<>(new Patents(current.corpus(), current.engine(), unavailable,
                        current.readAt()));
            }
        }
    }

    /** Enterprises created, edited or that answered a push: read again before the kept ones are next used. */
    void enterprisesChanged(TenantId tenant, Collection<String> creditCodes) {
        of(tenant).changedEnterprises.addAll(creditCodes);
    }

    /** The tenant's enterprises: as kept, with the changed ones read again, or all read if too old or too changed. */
    KeptEnterprises enterprises(TenantId tenant) {
        Kept mine = of(tenant);
        synchronized (mine) {
            KeptEnterprises current = mine.enterprises.get();
            Set<String> changed = new HashSet<>(mine.changedEnterprises);
            if (current == null || tooOld(current.readAt())
                    || changed.size() > current.byCode().size() * READ_ALL_ABOVE) {
                long readAt = System.nanoTime();
                Map<String, EnterpriseQuery> byCode = new LinkedHashMap<>();
                enterprises.forEach(tenant, enterprise -> byCode.put(enterprise.creditCode(),
                        queryOf.apply(tenant, enterprise)));
                current = KeptEnterprises.of(byCode, readAt);
            } else if (!changed.isEmpty()) {
                Map<String, EnterpriseQuery> byCode = new LinkedHashMap<>(current.byCode());
                for (String code : changed) {
                    enterprises.find(tenant, code).ifPresentOrElse(
                            enterprise -> byCode.put(code, queryOf.apply(tenant, enterprise)),
                            () -> byCode.remove(code));
                }
                current = KeptEnterprises.of(byCode, current.readAt());
            } else {
                return current;
            }
            mine.changedEnterprises.removeAll(changed);
            mine.enterprises = new SoftReference<>(current);
            return current;
        }
    }

    /**
     * Of these application numbers, the ones the library says are available now; the others are left out of later
     * results.
     */
    Set<String> stillAvailable(TenantId tenant, Set<String> applicationNumbers) {
        Set<String> available = library.availableAmong(tenant, applicationNumbers);
        Set<String> gone = new HashSet<>(applicationNumbers);
        gone.removeAll(available);
        unavailable(tenant, gone);
        return available;
    }
}
