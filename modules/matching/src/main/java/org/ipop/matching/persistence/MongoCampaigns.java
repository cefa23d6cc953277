package org.ipop.matching.persistence;

import static org.ipop.persistence.DocumentValues.iso;
import static org.ipop.persistence.DocumentValues.number;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.ipop.kernel.TenantId;
import org.ipop.matching.CampaignInput;
import org.ipop.matching.CampaignView;
import org.ipop.matching.MatchView;
import org.ipop.persistence.Databases;

/** Campaigns and their results. Runs write with the tenant named explicitly: they run outside requests. */
@ApplicationScoped
public class MongoCampaigns {

    static final String CAMPAIGNS = "campaigns";
    static final String MATCHES = "campaign_matches";

    private final Databases databases;

    @Inject
    public MongoCampaigns(Databases databases) {
        this.databases = databases;
    }

    /** For CDI's client proxy only. */
    protected MongoCampaigns() {
        this(null);
    }

    /** A new campaign: DRAFT, or SCHEDULED if {@code runAt} is set. */
    public String create(TenantId tenant, CampaignInput input, int k, Instant runAt, String actor) {
        String id = UUID.randomUUID().toString();
        campaigns(tenant).insertOne(new Document("_id", id).append("name", input.name().strip())
                .append("scope", input.scope()).append("branches", input.branches()).append("regions", input.regions())
                .append("recognitions", input.recognitions()).append("k", k)
                .append("status", runAt == null ? "DRAFT" : "SCHEDULED")
                .append("runAt", runAt == null ? null : Date.from(runAt))
                .append("enterprisesInScope", 0L).append("enterprisesDone", 0L).append("patentsInScope", 0L)
                .append("matches", 0L).append("pushed", 0L).append("createdBy", actor)
                .append("createdAt", new Date()));
        return id;
    }

    public Optional<CampaignView> find(TenantId tenant, String id) {
        return Optional.ofNullable(campaigns(tenant).find(Filters.eq("_id", id)).first()).map(MongoCampaigns::view);
    }

    public List<CampaignView> all(TenantId tenant) {
        List<CampaignView> result = new ArrayList<>();
        campaigns(tenant).find().sort(Sorts.descending("createdAt")).batchSize(200)
                .forEach(doc -> result.add(view(doc)));
        return result;
    }

    /** The id of every tenant's continuous campaign: one per tenant, created when first needed. */
    public static final String CONTINUOUS = "continuous";

    /**
     * The tenant's continuous campaign (持续匹配), created READY on first use: the results of incremental matching
     * gather there for the operators to review and push.
     */
    public CampaignView continuous(TenantId tenant) {
        Document existing = campaigns(tenant).find(Filters.eq("_id", CONTINUOUS)).first();
        if (existing == null) {
            try {
                campaigns(tenant).insertOne(new Document("_id", CONTINUOUS)
                        .append("name", "持续匹配：新入库专利与新建、更新的企业").append("scope", CampaignInput.LIBRARY)
                        .append("branches", List.of()).append("regions", List.of()).append("recognitions", List.of())
                        .append("k", 20).append("status", "READY").append("continuous", true)
                        .append("enterprisesInScope", 0L).append("enterprisesDone", 0L).append("patentsInScope", 0L)
                        .append("matches", 0L).append("pushed", 0L).append("createdBy", "platform")
                        .append("createdAt", new Date()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            existing = campaigns(tenant).find(Filters.eq("_id", CONTINUOUS)).first();
        }
        return view(existing);
    }

    /**
     * Adds incremental results to a campaign (a pair found again replaces its earlier match) and makes it READY
     * again unless a full run is under way; the counts are those of all its results.
     */
    public void addMatches(TenantId tenant, String id, List<MatchView> matches, long patentsInScope) {
        MongoCollection<Document> results = databases.forTenant(tenant).getCollection(MATCHES);
        if (!matches.isEmpty()) {
            results.bulkWrite(matches.stream().map(match -> new ReplaceOneModel<>(
                    Filters.eq("_id", id + "|" + match.enterpriseCode() + "|" + match.patentId()), matchDocument(id, match),
                    new ReplaceOptions().upsert(true))).toList());
        }
        long enterprises = results.distinct("enterprise", Filters.eq("campaign", id), String.class)
                .into(new ArrayList<>()).size();
        campaigns(tenant).updateOne(Filters.and(Filters.eq("_id", id), Filters.ne("status", "RUNNING")),
                Updates.combine(Updates.set("status", "READY"), Updates.set("finishedAt", new Date()),
                        Updates.set("matches", results.countDocuments(Filters.eq("campaign", id))),
                        Updates.set("enterprisesInScope", enterprises), Updates.set("enterprisesDone", enterprises),
                        Updates.set("patentsInScope", patentsInScope)));
    }

    /** Moves a campaign from one status to another; false if it was not in {@code from}. */
    public boolean transition(TenantId tenant, String id, List<String> from, String to) {
        return campaigns(tenant).updateOne(Filters.and(Filters.eq("_id", id), Filters.in("status", from)),
                Updates.combine(Updates.set("status", to), Updates.set(to.toLowerCase() + "At", new Date())))
                .getModifiedCount() == 1;
    }

    /** The scheduled campaigns whose time has come, earliest first. */
    public List<String> due(TenantId tenant, Instant now) {
        List<String> ids = new ArrayList<>();
        campaigns(tenant).find(Filters.and(Filters.eq("status", "SCHEDULED"), Filters.lte("runAt", Date.from(now))))
                .sort(Sorts.ascending("runAt")).projection(new Document("_id", 1))
                .forEach(doc -> ids.add(doc.getString("_id")));
        return ids;
    }

    /** A scheduled campaign back to DRAFT, its time forgotten; false if it was not scheduled. */
    public boolean unschedule(TenantId tenant, String id) {
        return campaigns(tenant).updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", "SCHEDULED")),
                Updates.combine(Updates.set("status", "DRAFT"), Updates.unset("runAt"))).getModifiedCount() == 1;
    }

    public void started(TenantId tenant, String id, long enterprises, long patents) {
        campaigns(tenant).updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("enterprisesInScope",
                enterprises), Updates.set("patentsInScope", patents), Updates.set("enterprisesDone", 0L),
                Updates.set("matches", 0L), Updates.unset("failure")));
        databases.forTenant(tenant).getCollection(MATCHES).deleteMany(Filters.eq("campaign", id));
    }

    /** Stores one batch of results and the progress. */
    public void recordMatches(TenantId tenant, String id, List<MatchView> matches, long enterprisesDone) {
        if (!matches.isEmpty()) {
            databases.forTenant(tenant).getCollection(MATCHES).insertMany(matches.stream()
                    .map(match -> matchDocument(id, match)).toList());
        }
        campaigns(tenant).updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("enterprisesDone",
                enterprisesDone), Updates.inc("matches", (long) matches.size())));
    }

    public void finished(TenantId tenant, String id, String status, String failure) {
        campaigns(tenant).updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", status),
                Updates.set("finishedAt", new Date()), failure == null ? Updates.unset("failure")
                        : Updates.set("failure", failure)));
    }

    /** Counts a push (the continuous campaign is pushed again and again: the count adds up). */
    public void pushed(TenantId tenant, String id, long pushed, String actor) {
        campaigns(tenant).updateOne(Filters.eq("_id", id), Updates.combine(Updates.inc("pushed", pushed),
                Updates.set("pushedBy", actor)));
    }

    /** A page of a campaign's results, by enterprise then rank. */
    public List<MatchView> matches(TenantId tenant, String id, String enterprise, int offset, int limit) {
        List<MatchView> result = new ArrayList<>();
        databases.forTenant(tenant).getCollection(MATCHES).find(enterprise == null ? Filters.eq("campaign", id)
                : Filters.and(Filters.eq("campaign", id), Filters.eq("enterprise", enterprise)))
                .sort(Sorts.ascending("enterpriseName", "rank")).skip(offset).limit(limit)
                .forEach(doc -> result.add(match(doc)));
        return result;
    }

    /** Every result of a campaign (for pushing). */
    public void forEachMatch(TenantId tenant, String id, Consumer<MatchView> action) {
        databases.forTenant(tenant).getCollection(MATCHES).find(Filters.eq("campaign", id)).batchSize(500)
                .forEach(doc -> action.accept(match(doc)));
    }

    private MongoCollection<Document> campaigns(TenantId tenant) {
        return databases.forTenant(tenant).getCollection(CAMPAIGNS);
    }

    private static Document matchDocument(String campaign, MatchView match) {
        return new Document("_id", campaign + "|" + match.enterpriseCode() + "|" + match.patentId())
                .append("campaign", campaign).append("enterprise", match.enterpriseCode())
                .append("enterpriseName", match.enterpriseName()).append("patent", match.patentId())
                .append("title", match.title()).append("institution", match.institution())
                .append("rank", match.rank()).append("score", match.score())
                .append("branches", match.branches()).append("segments", match.segments())
                .append("sharedTerms", match.sharedTerms()).append("priors", match.priors())
                .append("owner", match.owner());
    }

    static MatchView match(Document doc) {
        return new MatchView(doc.getString("enterprise"), doc.getString("enterpriseName"), doc.getString("patent"),
                doc.getString("title"), doc.getString("institution"), doc.getInteger("rank", 0),
                doc.get("score") instanceof Number n ? n.doubleValue() : 0,
                doc.getList("branches", String.class, List.of()), doc.getList("segments", String.class, List.of()), doc.getList("sharedTerms", String.class, List.of()),
                doc.getList("priors", String.class, List.of()), doc.getString("owner"));
    }

    private static CampaignView view(Document doc) {
        return new CampaignView(doc.getString("_id"), doc.getString("name"), doc.getString("scope"),
                doc.getList("branches", String.class, List.of()), doc.getList("regions", String.class, List.of()),
                doc.getList("recognitions", String.class, List.of()), doc.getInteger("k", 20),
                doc.getString("status"), number(doc, "enterprisesInScope"), number(doc, "enterprisesDone"),
                number(doc, "patentsInScope"), number(doc, "matches"), number(doc, "pushed"),
                doc.getString("failure"), doc.getString("createdBy"), iso(doc.getDate("createdAt")),
                iso(doc.getDate("finishedAt")), iso(doc.getDate("pushedAt")),
                doc.getBoolean("continuous", false), iso(doc.getDate("runAt")));
    }
}
