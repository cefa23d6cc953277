package org.ipop.tenancy.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.ipop.kernel.TenantId;
import org.ipop.persistence.Databases;
import org.ipop.persistence.Outbox;
import org.ipop.persistence.OutboxRelay;
import org.ipop.tenancy.TenantDescriptor;
import org.ipop.tenancy.TenantDescriptor.Branding;
import org.ipop.tenancy.TenantDescriptor.Contact;
import org.ipop.tenancy.TenantDescriptors;

/**
 * The {@code tenants} collection of the network database. One document per tenant id: {@code descriptor} for tenants
 * registered at run time (with the registration event in its outbox), {@code profile} for edited contact and branding.
 */
@ApplicationScoped
public class MongoTenantRecords {

    private static final String COLLECTION = "tenants";

    private final Databases databases;
    private final OutboxRelay relay;

    @Inject
    public MongoTenantRecords(Databases databases, OutboxRelay relay) {
        this.databases = databases;
        this.relay = relay;
    }

    /** For CDI's client proxy only. */
    protected MongoTenantRecords() {
        this.databases = null;
        this.relay = null;
    }

    public record TenantRecord(TenantId id, Optional<TenantDescriptor> registered, Optional<Contact> contact,
            Optional<Branding> branding) {
    }

    /** @return false if a document with this id exists already (the unique {@code _id} decides, on every node) */
    public boolean insertRegistered(TenantDescriptor descriptor, String actor, Object event) {
        try {
            collection().insertOne(new Document("_id", descriptor.id().value())
                    .append("descriptor", TenantDescriptors.toJson(descriptor))
                    .append("registeredBy", actor)
                    .append("registeredAt", new Date())
                    .append(Outbox.FIELD, Outbox.entries(event)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public void saveProfile(TenantId id, Contact contact, Branding branding, String actor) {
        Document profile = new Document("contact", new Document("name", contact.name())
                .append("email", contact.email()).append("phone", contact.phone()))
                .append("branding", new Document("primaryColor", branding.primaryColor()))
                .append("updatedBy", actor)
                .append("updatedAt", new Date());
        collection().updateOne(Filters.eq("_id", id.value()), Updates.set("profile", profile),
                new UpdateOptions().upsert(true));
    }

    public List<TenantRecord> all() {
        List<TenantRecord> result = new ArrayList<>();
        for (Document doc : collection().find()) {
            Optional<TenantDescriptor> registered = Optional.ofNullable(doc.getString("descriptor"))
                    .map(json -> TenantDescriptors.parse("network:" + doc.getString("_id"), json));
            Document profile = doc.get("profile", Document.class);
            Optional<Contact> contact = Optional.ofNullable(profile).map(p -> p.get("contact", Document.class))
                    .map(c -> new Contact(c.getString("name"), c.getString("email"), c.getString("phone")));
            Optional<Branding> branding = Optional.ofNullable(profile).map(p -> p.get("branding", Document.class))
                    .map(b -> new Branding(b.getString("primaryColor")));
            result.add(new TenantRecord(TenantId.of(doc.getString("_id")), registered, contact, branding));
        }
        return result;
    }

    public int relayPending() {
        return relay.relay(collection());
    }

    private MongoCollection<Document> collection() {
        return databases.network().getCollection(COLLECTION);
    }
}
