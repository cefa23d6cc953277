package org.ipop.library.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.ipop.library.ApplicantType;
import org.ipop.library.Institution;
import org.ipop.persistence.Databases;

/**
 * The institutions of the current tenant (高校、科研院所 whose patents the centre operates), keyed by their name as
 * it appears on the patents, each with the users (role {@code tto}) who act for it.
 */
@ApplicationScoped
public class MongoInstitutions {

    private static final String COLLECTION = "institutions";

    private final Databases databases;

    @Inject
    public MongoInstitutions(Databases databases) {
        this.databases = databases;
    }

    /** For CDI's client proxy only. */
    protected MongoInstitutions() {
        this(null);
    }

    /** Registers an institution; false if one of that name exists already. */
    public boolean register(String name, ApplicantType type, String actor) {
        try {
            collection().insertOne(new Document("_id", name).append("type", type.name())
                    .append("members", List.of()).append("registeredAt", new Date()).append("registeredBy", actor));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Institution> find(String name) {
        return Optional.ofNullable(collection().find(Filters.eq("_id", name)).first()).map(MongoInstitutions::toView);
    }

    public List<Institution> all() {
        List<Institution> all = new ArrayList<>();
        collection().find().sort(Sorts.ascending("_id")).forEach(doc -> all.add(toView(doc)));
        return all;
    }

    /** The institutions {@code username} acts for, by name. */
    public List<Institution> ofMember(String username) {
        List<Institution> mine = new ArrayList<>();
        collection().find(Filters.eq("members", username)).sort(Sorts.ascending("_id"))
                .forEach(doc -> mine.add(toView(doc)));
        return mine;
    }

    /** @return false if the institution does not exist */
    public boolean addMember(String name, String username) {
        return collection().updateOne(Filters.eq("_id", name), Updates.addToSet("members", username))
                .getMatchedCount() == 1;
    }

    /** @return false if the institution does not exist */
    public boolean removeMember(String name, String username) {
        return collection().updateOne(Filters.eq("_id", name), Updates.pull("members", username))
                .getMatchedCount() == 1;
    }

    private MongoCollection<Document> collection() {
        return databases.forCurrentTenant().getCollection(COLLECTION);
    }

    private static Institution toView(Document doc) {
        ApplicantType type = ApplicantType.valueOf(doc.getString("type"));
        Date registeredAt = doc.getDate("registeredAt");
        return new Institution(doc.getString("_id"), type.name(), type.chinese(),
                doc.getList("members", String.class, List.of()),
                registeredAt == null ? null : registeredAt.toInstant().toString(), doc.getString("registeredBy"));
    }
}
