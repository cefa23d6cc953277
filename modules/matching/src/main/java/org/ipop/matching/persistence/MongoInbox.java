package org.ipop.matching.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.ipop.kernel.TenantId;
import org.ipop.matching.InboxItem;
import org.ipop.matching.MatchView;
import org.ipop.persistence.Databases;

/**
 * The enterprises' inboxes: one document per enterprise and patent ({@code enterprise|patent}), so a patent is
 * pushed to an enterprise once, whatever the campaigns; the enterprise's answer stays with it and keeps the patent
 * from being pushed again.
 */
@ApplicationScoped
public class MongoInbox {

    static final String INBOX = "inbox";

    private final Databases databases;

    @Inject
    public MongoInbox(Databases databases) {
        this.databases = databases;
    }

    /** For CDI's client proxy only. */
    protected MongoInbox() {
        this(null);
    }

    /**
     * Pushes the matches not pushed before; returns how many were new.
     *
     * @param provinceOf the province code of each match's enterprise (for the funnel)
     */
    public long push(TenantId tenant, String campaign, List<MatchView> matches, List<String> provinceOf) {
        MongoCollection<Document> inbox = inbox(tenant);
        Set<String> existing = new HashSet<>();
        List<String> ids = matches.stream().map(m -> m.enterpriseCode() + "|" + m.patentId()).toList();
        inbox.find(Filters.in("_id", ids)).projection(new Document("_id", 1))
                .forEach(doc -> existing.add(doc.getString("_id")));
        List<WriteModel<Document>> writes = new ArrayList<>();
        Date now = new Date();
        for (int i = 0; i < matches.size(); i++) {
            MatchView match = matches.get(i);
            if (!existing.add(ids.get(i))) {
                continue;
            }
            writes.add(new InsertOneModel<>(new Document("_id", ids.get(i)).append("enterprise", match.enterpriseCode())
                    .append("patent", match.patentId()).append("title", match.title())
                    .append("institution", match.institution()).append("campaign", campaign)
                    .append("score", match.score()).append("segments", match.segments())
                    .append("sharedTerms", match.sharedTerms()).append("priors", match.priors())
                    .append("segmentKeys", match.branches()).append("province", provinceOf.get(i))
                    .append("owner", match.owner())
                    .append("pushedAt", now)));
        }
        if (!writes.isEmpty()) {
            inbox.bulkWrite(writes);
        }
        return writes.size();
    }

    /** The patents already pushed to (or answered by) an enterprise: never pushed again. */
    public Set<String> patentsOf(TenantId tenant, String enterprise) {
        Set<String> patents = new HashSet<>();
        inbox(tenant).find(Filters.eq("enterprise", enterprise)).projection(new Document("patent", 1))
                .forEach(doc -> patents.add(doc.getString("patent")));
        return patents;
    }

    /** Per SEI branch of the patents an enterprise answered: interested minus not relevant. */
    public Map<String, Integer> feedbackOf(TenantId tenant, String enterprise) {
        Map<String, Integer> net = new HashMap<>();
        inbox(tenant).find(Filters.and(Filters.eq("enterprise", enterprise), Filters.exists("response", true)))
                .forEach(doc -> {
                    int sign = "INTERESTED".equals(doc.getString("response")) ? 1 : -1;
                    doc.getList("segmentKeys", String.class, List.of()).forEach(key -> net.merge(key, sign,
                            Integer::sum));
                });
        return net;
    }

    public List<InboxItem> of(TenantId tenant, String enterprise) {
        List<InboxItem> items = new ArrayList<>();
        inbox(tenant).find(Filters.eq("enterprise", enterprise)).sort(Sorts.descending("pushedAt", "score"))
                .batchSize(200).forEach(doc -> items.add(item(doc)));
        return items;
    }

    /** Marks an entry read (the first reading counts); false if nothing was pushed under that patent. */
    public boolean markRead(TenantId tenant, String enterprise, String patent) {
        return inbox(tenant).updateOne(Filters.eq("_id", enterprise + "|" + patent),
                Updates.min("readAt", new Date())).getMatchedCount() == 1;
    }

    public Optional<InboxItem> find(TenantId tenant, String enterprise, String patent) {
        return Optional.ofNullable(inbox(tenant).find(Filters.eq("_id", enterprise + "|" + patent)).first())
                .map(MongoInbox::item);
    }

    public boolean respond(TenantId tenant, String enterprise, String patent, String response, String reason,
            String actor) {
        Date now = new Date();
        return inbox(tenant).updateOne(Filters.eq("_id", enterprise + "|" + patent), Updates.combine(
                Updates.set("response", response), Updates.set("reason", reason), Updates.set("respondedAt", now),
                Updates.set("respondedBy", actor), Updates.min("readAt", now))).getMatchedCount() == 1;
    }

    /** A stored inbox entry with the funnel's keys. */
    public record Entry(List<String> segmentKeys, String province, boolean viewed, String response) {
    }

    public void forEachOfCampaign(TenantId tenant, String campaign, Consumer<Entry> action) {
        inbox(tenant).find(Filters.eq("campaign", campaign)).batchSize(500).forEach(doc -> action.accept(new Entry(
                doc.getList("segmentKeys", String.class, List.of()), doc.getString("province"),
                doc.get("readAt") != null, doc.getString("response"))));
    }

    private MongoCollection<Document> inbox(TenantId tenant) {
        return databases.forTenant(tenant).getCollection(INBOX);
    }

    private static InboxItem item(Document doc) {
        return new InboxItem(doc.getString("patent"), doc.getString("title"), doc.getString("institution"),
                doc.getString("campaign"), doc.get("score") instanceof Number n ? n.doubleValue() : 0,
                doc.getList("segments", String.class, List.of()), doc.getList("sharedTerms", String.class, List.of()),
                doc.getList("priors", String.class, List.of()), instant(doc.getDate("pushedAt")),
                instant(doc.getDate("readAt")), doc.getString("response"), doc.getString("reason"),
                instant(doc.getDate("respondedAt")), doc.getString("owner"));
    }

    private static String instant(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
