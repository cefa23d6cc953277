package org.ipop.library.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ipop.kernel.TenantId;
import org.ipop.library.DealStatus;
import org.ipop.library.MatchablePatent;
import org.ipop.library.PatentDetail;
import org.ipop.library.PatentRecord;
import org.ipop.library.PatentSummary;
import org.ipop.library.ReviewDecision;
import org.ipop.library.ScreeningStatus;
import org.ipop.library.SelfAssessment;
import org.ipop.library.domain.AnalyzedPatent;
import org.ipop.library.search.PatentSearchDocument;
import org.ipop.library.valuation.LegalStatus;
import org.ipop.persistence.Databases;
import org.ipop.persistence.Scans;

/**
 * The {@code patents} collection of a tenant: one document per canonical application number. Imports upsert in
 * batches (insert new patents, update changed ones with a record of what changed, leave identical ones alone);
 * every screening step is one single-document update guarded by the status it expects, with its history entry
 * pushed in the same update.
 */
@ApplicationScoped
public class MongoPatents {

    static final String COLLECTION = "patents";

    /**
     * Cursor batch size of every scan: without one the embedded server answers a large scan in a single reply,
     * which the driver refuses above 48 MB (a few thousand analysed patents).
     */
    static final int SCAN_BATCH = 200;

    private final Databases databases;

    @Inject
    public MongoPatents(Databases databases) {
        this.databases = databases;
    }

    /** For CDI's client proxy only. */
    protected MongoPatents() {
        this(null);
    }

    /**
     * What a batch did.
     *
     * @param written what the search index needs of every patent the batch created or changed, built from what was
     *                written rather than read back (reading a stored patent back from the embedded store costs more
     *                than writing it)
     */
    public record UpsertResult(long created, long updated, long unchanged, List<PatentSearchDocument> written) {

        public UpsertResult {
            written = List.copyOf(written);
        }

        public static UpsertResult empty() {
            return new UpsertResult(0, 0, 0, List.of());
        }
    }

    /**
     * @param reanalyse analyses a changed patent again for its screening status: the batch was analysed as newly
     *                  inventoried, but a reviewed patent's tier and value depend on its review
     */
    public UpsertResult upsertBatch(TenantId tenant, String institution, String jobId, String actor,
            List<AnalyzedPatent> batch, BiFunction<PatentRecord, ScreeningStatus, AnalyzedPatent> reanalyse) {
        MongoCollection<Document> patents = collection(tenant);
        Map<String, Document> existing = new HashMap<>();
        List<String> ids = batch.stream().map(p -> p.record().applicationNumber()).toList();
        patents.find(Filters.in("_id", ids)).projection(Projections.include("biblio", "institution", "status", "published"))
                .forEach(doc -> existing.put(doc.getString("_id"), doc));
        Date now = new Date();
        List<WriteModel<Document>> writes = new ArrayList<>();
        Map<String, PatentSearchDocument> written = new java.util.LinkedHashMap<>();
        Map<String, Integer> positionInBatch = new HashMap<>();
        long created = 0;
        long updated = 0;
        long unchanged = 0;
        for (AnalyzedPatent patent : batch) {
            String id = patent.record().applicationNumber();
            Document biblio = PatentDocuments.biblio(patent.record());
            Document before = existing.get(id);
            Integer earlier = positionInBatch.put(id, writes.size());
            if (before == null && earlier == null) {
                Document inserted = new Document("_id", id)
                        .append("institution", institution)
                        .append("biblio", biblio)
                        .append("analysis", AnalysisDocuments.analysis(patent))
                        .append("status", ScreeningStatus.INVENTORIED.name())
                        .append("published", false)
                        .append("history", List.of(step(now, actor, null, ScreeningStatus.INVENTORIED,
                                "imported from " + jobId)))
                        .append("createdAt", now).append("updatedAt", now);
                writes.add(new InsertOneModel<>(inserted));
                written.put(id, SearchDocuments.of(inserted));
                existing.put(id, new Document("biblio", biblio).append("institution", institution)
                        .append("status", ScreeningStatus.INVENTORIED.name()).append("published", false));
                created++;
                continue;
            }
            Document previous = existing.get(id);
            List<Document> differences = PatentDocuments.differences(previous.get("biblio", new Document()), biblio);
            if (!institution.equals(previous.getString("institution"))) {
                differences.add(new Document("field", "institution").append("from", previous.getString("institution"))
                        .append("to", institution));
            }
            if (differences.isEmpty()) {
                unchanged++;
                continue;
            }
            ScreeningStatus status = ScreeningStatus.valueOf(previous.getString("status"));
            Document analysis = AnalysisDocuments.analysis(status == ScreeningStatus.INVENTORIED ? patent
                    : reanalyse.apply(patent.record(), status));
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(
                    Updates.set("biblio", biblio),
                    Updates.set("institution", institution),
                    Updates.set("analysis", analysis),
                    Updates.set("updatedAt", now),
                    Updates.push("changes", new Document("at", now).append("job", jobId).append("by", actor)
                            .append("fields", differences)))));
            Document after = new Document("_id", id).append("institution", institution).append("biblio", biblio)
                    .append("analysis", analysis)
                    .append("status", previous.getString("status"))
                    .append("published", previous.getBoolean("published", false));
            written.put(id, SearchDocuments.of(after));
            existing.put(id, after);
            updated++;
        }
        if (!writes.isEmpty()) {
            patents.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
        return new UpsertResult(created, updated, unchanged, List.copyOf(written.values()));
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(databases.forCurrentTenant().getCollection(COLLECTION)
                .find(Filters.eq("_id", id)).first());
    }

    public Optional<Document> find(TenantId tenant, String id) {
        return Optional.ofNullable(collection(tenant).find(Filters.eq("_id", id)).first());
    }

    /**
     * Moves a patent from {@code expected} statuses to {@code to}, appending the history step and any further
     * updates, in one single-document update.
     * @return false if the patent does not exist or is no longer in one of the expected statuses
     */
    boolean transition(String id, List<ScreeningStatus> expected, ScreeningStatus to, String actor,
            String reason, Bson... further) {
        Document current = find(id).orElse(null);
        if (current == null) {
            return false;
        }
        ScreeningStatus from = ScreeningStatus.valueOf(current.getString("status"));
        if (!expected.contains(from)) {
            return false;
        }
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("status", to.name()),
                Updates.set("updatedAt", new Date()),
                Updates.push("history", step(new Date(), actor, from, to, reason))));
        updates.addAll(List.of(further));
        return databases.forCurrentTenant().getCollection(COLLECTION).updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("status", from.name())), Updates.combine(updates))
                .getModifiedCount() == 1;
    }

    /** Where a patent stands, for the rules that decide what may happen next. */
    public record PatentState(ScreeningStatus status, boolean published, boolean spotChecked, DealStatus deal,
            String institution) {
    }

    public Optional<PatentState> state(String id) {
        return find(id).map(doc -> new PatentState(ScreeningStatus.valueOf(doc.getString("status")),
                doc.getBoolean("published", false), doc.get("spotCheck") != null,
                DealStatus.parse(doc.get("deal", new Document()).getString("status")).orElse(DealStatus.AVAILABLE),
                doc.getString("institution")));
    }

    /** Records whether the patent is still available for a deal (no history of its own: the audit trail has it). */
    public void recordDeal(String id, DealStatus status, String note, String actor) {
        update(id, Updates.set("deal", new Document("status", status.name()).append("note", note)
                .append("by", actor).append("at", new Date().toInstant().toString())));
    }

    public Optional<PatentRecord> record(String id) {
        return find(id).map(doc -> PatentDocuments.record(doc.get("biblio", new Document())));
    }

    public Optional<PatentDetail> detail(String id) {
        return find(id).map(PatentViews::detail);
    }

    public boolean recordSelfAssessment(String id, List<ScreeningStatus> expected, SelfAssessment assessment,
            String actor) {
        Document stored = new Document("prospect", assessment.prospect().name()).append("notes", assessment.notes())
                .append("intendedMode", assessment.intendedMode() == null ? null : assessment.intendedMode().name())
                .append("by", actor).append("at", new Date());
        return transition(id, expected, ScreeningStatus.SELF_ASSESSED, actor, "自评 self-assessment: "
                + assessment.prospect() + (assessment.notes() == null ? "" : " — " + assessment.notes()),
                Updates.set("selfAssessment", stored));
    }

    public boolean recordReview(String id, List<ScreeningStatus> expected, ScreeningStatus to, ReviewDecision decision,
            String actor) {
        return transition(id, expected, to, actor,
                decision.outcome() + (decision.reason() == null ? "" : ": " + decision.reason()),
                Updates.set("review", new Document("outcome", decision.outcome().name())
                        .append("reason", decision.reason()).append("by", actor).append("at", new Date())));
    }

    /** Stores a recomputed analysis (tags, value, tier) after one of its inputs changed. */
    public void updateAnalysis(String id, AnalyzedPatent analyzed) {
        update(id, Updates.set("analysis", AnalysisDocuments.analysis(analyzed)));
    }

    public void markSpotChecked(String id, String actor, int percent) {
        update(id, Updates.set("spotCheck", new Document("at", new Date().toInstant().toString())
                .append("by", actor).append("percent", percent)));
    }

    public void markPublished(String id, boolean published) {
        update(id, published ? Updates.combine(Updates.set("published", true), Updates.set("publishedAt", new Date()))
                : Updates.combine(Updates.set("published", false), Updates.unset("publishedAt")));
    }

    private void update(String id, Bson update) {
        databases.forCurrentTenant().getCollection(COLLECTION).updateOne(Filters.eq("_id", id),
                Updates.combine(update, Updates.set("updatedAt", new Date())));
    }

    /** The summaries of the given patents, in the order of {@code ids} (a search's ranking). */
    public List<PatentSummary> summaries(TenantId tenant, List<String> ids) {
        Map<String, PatentSummary> byId = new HashMap<>();
        collection(tenant).find(Filters.in("_id", ids)).projection(Projections.exclude("history", "changes"))
                .forEach(doc -> byId.put(doc.getString("_id"), PatentViews.summary(doc)));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** What the search index needs of the given patents. */
    public List<PatentSearchDocument> searchDocuments(TenantId tenant, List<String> ids) {
        List<PatentSearchDocument> documents = new ArrayList<>();
        collection(tenant).find(Filters.in("_id", ids)).projection(Projections.exclude("history", "changes"))
                .forEach(doc -> documents.add(SearchDocuments.of(doc)));
        return documents;
    }

    /** Every patent changed since {@code since} (all of them if null), for building or catching up an index. */
    public void forEachSearchDocument(TenantId tenant, Date since, Consumer<PatentSearchDocument> action) {
        Scans.forEach(collection(tenant), since == null ? new Document() : Filters.gte("updatedAt", since),
                Projections.exclude("history", "changes"), doc -> action.accept(SearchDocuments.of(doc)));
    }

    /**
     * Every patent of {@code tenant} available for a deal ({@link #availableForADeal}), for matching. The server
     * narrows the scan by status and deal status; the rule itself, lapse included, is applied here.
     */
    public void forEachMatchable(TenantId tenant, Consumer<MatchablePatent> action) {
        Scans.forEach(collection(tenant), Filters.and(Filters.eq("status", ScreeningStatus.ADMITTED.name()),
                        Filters.nin("deal.status", DealStatus.TRANSFERRED.name(), DealStatus.EXCLUSIVE_LICENCE.name())),
                Projections.exclude("history", "changes"), doc -> {
                    if (availableForADeal(doc)) {
                        action.accept(PatentViews.matchable(tenant, doc));
                    }
                });
    }

    /** Those of the given patents that are available for a deal, for matching. */
    public void forEachMatchable(TenantId tenant, Collection<String> ids, Consumer<MatchablePatent> action) {
        forEachById(tenant, ids, Projections.exclude("history", "changes"), doc -> {
            if (availableForADeal(doc)) {
                action.accept(PatentViews.matchable(tenant, doc));
            }
        });
    }

    /** Which of the given patents are available for a deal now (reading only what the rule needs). */
    public Set<String> availableAmong(TenantId tenant, Collection<String> ids) {
        Set<String> available = new HashSet<>();
        forEachById(tenant, ids, Projections.include("status", "deal.status", "biblio.legalStatus"), doc -> {
            if (availableForADeal(doc)) {
                available.add(doc.getString("_id"));
            }
        });
        return available;
    }

    /**
     * Patents by id, {@link Scans#CHUNK} at a time, with nothing else in the filter: the embedded store serves a
     * query from an index only when the query has exactly the index's fields, whatever the size of the library.
     */
    private void forEachById(TenantId tenant, Collection<String> ids, Bson projection, Consumer<Document> action) {
        List<String> wanted = List.copyOf(ids);
        for (int from = 0; from < wanted.size(); from += Scans.CHUNK) {
            collection(tenant).find(Filters.in("_id", wanted.subList(from, Math.min(wanted.size(),
                    from + Scans.CHUNK)))).projection(projection).forEach(action);
        }
    }

    /** Admitted to the library, not lapsed, neither transferred nor under an exclusive licence. */
    private static boolean availableForADeal(Document patent) {
        String deal = patent.get("deal", new Document()).getString("status");
        return ScreeningStatus.ADMITTED.name().equals(patent.getString("status"))
                && !DealStatus.TRANSFERRED.name().equals(deal) && !DealStatus.EXCLUSIVE_LICENCE.name().equals(deal)
                && LegalStatus.read(patent.get("biblio", new Document()).getString("legalStatus")) != LegalStatus.LAPSED;
    }

    /** The ids of one institution's patents (for spot checks). */
    public List<String> idsOfInstitution(String institution, List<ScreeningStatus> statuses) {
        List<String> ids = new ArrayList<>();
        databases.forCurrentTenant().getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("institution", institution),
                        Filters.in("status", statuses.stream().map(Enum::name).toList())))
                .projection(Projections.include("_id")).batchSize(SCAN_BATCH)
                .forEach(doc -> ids.add(doc.getString("_id")));
        return ids;
    }

    public long count(TenantId tenant) {
        return collection(tenant).countDocuments();
    }

    static Document step(Date at, String actor, ScreeningStatus from, ScreeningStatus to, String reason) {
        return new Document("at", at.toInstant().toString()).append("actor", actor)
                .append("from", from == null ? null : from.name()).append("to", to.name()).append("reason", reason);
    }

    private MongoCollection<Document> collection(TenantId tenant) {
        return databases.forTenant(tenant).getCollection(COLLECTION);
    }

}
