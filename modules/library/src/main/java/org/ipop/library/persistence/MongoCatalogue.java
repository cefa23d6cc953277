package org.ipop.library.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ipop.kernel.TenantId;
import org.ipop.library.CataloguePatent;
import org.ipop.library.MatchablePatent;
import org.ipop.library.search.PatentSearchDocument;
import org.ipop.library.valuation.LegalStatus;
import org.ipop.persistence.Databases;
import org.ipop.persistence.Scans;

/**
 * The network catalogue ({@code catalogue} in the network database): what tenants publish for each other, one
 * document per tenant and application number, holding only public fields and naming its owning tenant.
 */
@ApplicationScoped
public class MongoCatalogue {

    private static final String COLLECTION = "catalogue";

    private final Databases databases;

    @Inject
    public MongoCatalogue(Databases databases) {
        this.databases = databases;
    }

    /** For CDI's client proxy only. */
    protected MongoCatalogue() {
        this(null);
    }

    /**
     * Copies the public fields of one of {@code tenant}'s patents into the catalogue (idempotent); returns the entry
     * as the network search index knows it, or empty if the tenant has no such patent.
     */
    public Optional<PatentSearchDocument> publish(TenantId tenant, String applicationNumber) {
        return Optional.ofNullable(patents(tenant).find(Filters.eq("_id", applicationNumber)).first()).map(patent -> {
            Document entry = publicEntry(tenant, patent);
            Date now = new Date();
            entry.append("publishedAt", now).append("changedAt", now);
            collection().replaceOne(Filters.eq("_id", entry.getString("_id")), entry,
                    new ReplaceOptions().upsert(true));
            return SearchDocuments.ofCatalogueEntry(entry);
        });
    }

    /**
     * Copies the public fields of published patents into their entries again (a re-import changed them), keeping
     * when each was published, so that it keeps its place among the newest; returns the entries as the network
     * search index knows them. Patents that are not published are left alone (a withdrawal in between creates
     * nothing).
     */
    public List<PatentSearchDocument> republish(TenantId tenant, Collection<String> applicationNumbers) {
        List<PatentSearchDocument> republished = new ArrayList<>();
        patents(tenant).find(Filters.in("_id", applicationNumbers)).forEach(patent -> {
            Document fields = publicEntry(tenant, patent);
            Object key = fields.remove("_id");
            fields.append("changedAt", new Date());
            Document entry = collection().findOneAndUpdate(Filters.eq("_id", key), new Document("$set", fields),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (entry != null) {
                republished.add(SearchDocuments.ofCatalogueEntry(entry));
            }
        });
        return republished;
    }

    private MongoCollection<Document> patents(TenantId tenant) {
        return databases.forTenant(tenant).getCollection(MongoPatents.COLLECTION);
    }

    /** The public fields of one of {@code tenant}'s patents, as a catalogue entry without dates. */
    private static Document publicEntry(TenantId tenant, Document patent) {
        Document biblio = patent.get("biblio", new Document());
        Document analysis = patent.get("analysis", new Document());
        List<String> segments = PatentViews.headlineSegments(analysis);
        return new Document("_id", key(tenant, patent.getString("_id")))
                .append("tenant", tenant.value())
                .append("applicationNumber", patent.getString("_id"))
                .append("title", biblio.getString("title"))
                .append("abstract", biblio.getString("abstract"))
                .append("type", biblio.getString("type"))
                .append("institution", patent.getString("institution"))
                .append("legalStatus", biblio.getString("legalStatus"))
                .append("filingDate", biblio.getString("filingDate"))
                .append("mainIpc", biblio.getString("mainIpc"))
                .append("ipc", biblio.getList("ipc", String.class, List.of()))
                .append("segments", segments)
                .append("tags", AnalysisDocuments.tags(analysis).stream()
                        .map(tag -> new Document("catalog", tag.catalog())
                                .append("branchCode", tag.branchCode())
                                .append("branchName", tag.branchName())
                                .append("confirmed", tag.keywordConfirmed()))
                        .toList());
    }

    public void withdraw(TenantId tenant, String applicationNumber) {
        collection().deleteOne(Filters.eq("_id", key(tenant, applicationNumber)));
    }

    /** The newest published patents first. */
    public List<CataloguePatent> newest(int offset, int limit) {
        List<CataloguePatent> result = new ArrayList<>();
        collection().find().sort(Sorts.descending("publishedAt"))
                .skip(offset).limit(limit).forEach(doc -> result.add(entry(doc)));
        return result;
    }

    /** The entries of these keys ({@link #key}), in the order given; keys no longer published are left out. */
    public List<CataloguePatent> byKeys(List<String> keys) {
        Map<String, CataloguePatent> found = new HashMap<>();
        collection().find(Filters.in("_id", keys))
                .forEach(doc -> found.put(doc.getString("_id"), entry(doc)));
        return keys.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    public long count() {
        return collection().countDocuments();
    }

    /**
     * Every entry published or changed at or after {@code since} (null: every entry), as the network search index
     * knows it. Entries published before they carried {@code changedAt} are found by {@code publishedAt}.
     */
    public void forEachSearchDocument(Date since, Consumer<PatentSearchDocument> action) {
        Bson changed = since == null ? new Document()
                : Filters.or(Filters.gte("publishedAt", since), Filters.gte("changedAt", since));
        Scans.forEach(collection(), changed, new Document(),
                doc -> action.accept(SearchDocuments.ofCatalogueEntry(doc)));
    }

    private static CataloguePatent entry(Document doc) {
        return new CataloguePatent(doc.getString("tenant"), doc.getString("applicationNumber"),
                doc.getString("title"), doc.getString("abstract"), doc.getString("type"), doc.getString("institution"),
                doc.getString("legalStatus"), doc.getString("filingDate"), doc.getString("mainIpc"),
                doc.getList("ipc", String.class, List.of()), doc.getList("segments", String.class, List.of()),
                doc.getDate("publishedAt").toInstant().toString());
    }

    /**
     * Every patent other tenants have published and that has not lapsed, as matching sees it — from the public
     * fields only: no tier, no value score, no claim, no region (what the catalogue does not show, matching does
     * not use either).
     */
    public void forEachMatchable(TenantId viewer, Consumer<MatchablePatent> action) {
        Scans.forEach(collection(), Filters.ne("tenant", viewer.value()),
                new Document(), doc -> {
                    if (LegalStatus.read(doc.getString("legalStatus")) != LegalStatus.LAPSED) {
                        action.accept(matchable(doc));
                    }
                });
    }

    private static MatchablePatent matchable(Document doc) {
        List<MatchablePatent.Segment> segments = doc.containsKey("tags")
                ? doc.getList("tags", Document.class).stream().map(tag -> new MatchablePatent.Segment(
                        tag.getString("catalog"), tag.getString("catalog") + ":" + tag.getString("branchCode"),
                        tag.getString("branchCode"), tag.getString("branchName"), tag.getBoolean("confirmed", false)))
                        .toList()
                // Published before the catalogue kept tags: "SEI_2021:6.4 name", confirmation unknown.
                : doc.getList("segments", String.class, List.of()).stream().filter(s -> s.contains(":"))
                        .map(s -> {
                            String catalog = s.substring(0, s.indexOf(':'));
                            String rest = s.substring(s.indexOf(':') + 1);
                            String code = rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
                            String name = rest.contains(" ") ? rest.substring(rest.indexOf(' ') + 1) : "";
                            return new MatchablePatent.Segment(catalog, catalog + ":" + code, code, name, false);
                        }).toList();
        return new MatchablePatent(doc.getString("tenant"), doc.getString("applicationNumber"),
                doc.getString("title"), doc.getString("abstract"), null, doc.getString("institution"), segments,
                doc.getList("ipc", String.class, List.of()), null, null, 0, true);
    }

    private MongoCollection<Document> collection() {
        return databases.network().getCollection(COLLECTION);
    }

    /** The catalogue's (and the network search index's) key of a tenant's patent: {@code hubei:CN202223220665.2}. */
    public static String key(TenantId tenant, String applicationNumber) {
        return tenant.value() + ":" + applicationNumber;
    }
}
