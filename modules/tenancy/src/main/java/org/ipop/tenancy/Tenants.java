package org.ipop.tenancy;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipop.audit.AuditTrail;
import org.ipop.kernel.Conflict;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.NotFound;
import org.ipop.kernel.TenantId;
import org.ipop.kernel.ValidationFailed;
import org.ipop.persistence.Databases;
import org.ipop.tenancy.persistence.MongoTenantRecords;
import org.ipop.tenancy.persistence.MongoTenantRecords.TenantRecord;

/**
 * The registry of tenants: those declared by files in the tenants directory (read and validated at start-up — an
 * invalid file stops the start) and those created at run time by a platform administrator (kept in the network
 * database). Profiles (contact, branding) edited by tenant administrators are kept in the network database too,
 * over the file's values.
 */
@ApplicationScoped
public class Tenants {

    private static final Logger LOG = Logger.getLogger(Tenants.class.getName());

    /** Before every other start-up observer (default priority 2500): they need to know the tenants. */
    public static final int LOAD_PRIORITY = 1000;

    private final Path directory;
    private final MongoTenantRecords records;
    private final AuditTrail audit;
    private final Databases databases;
    private final Instance<ModuleSettingsValidator> validators;
    private volatile Map<TenantId, TenantDescriptor> fromFiles = Map.of();
    private volatile Map<TenantId, TenantDescriptor> known = Map.of();

    @Inject
    public Tenants(@ConfigProperty(name = "ipop.tenants.dir", defaultValue = "tenants") String directory,
            MongoTenantRecords records, AuditTrail audit, Databases databases,
            Instance<ModuleSettingsValidator> validators) {
        this.directory = Path.of(directory);
        this.records = records;
        this.audit = audit;
        this.databases = databases;
        this.validators = validators;
    }

    /** For CDI's client proxy only. */
    protected Tenants() {
        this.directory = null;
        this.records = null;
        this.audit = null;
        this.databases = null;
        this.validators = null;
    }

    /**
     * Reads and validates the descriptor files, module settings included (each module checks its own section) — an
     * exception here stops the application from starting — and prepares each tenant's database (indexes).
     */
    void load(@Observes @Priority(LOAD_PRIORITY) Startup startup) {
        Map<TenantId, TenantDescriptor> files = new LinkedHashMap<>();
        TenantDescriptors.readDirectory(directory.toAbsolutePath(), validators()).forEach(d -> files.put(d.id(), d));
        fromFiles = java.util.Collections.unmodifiableMap(files);
        refresh();
        // Tenants registered at run time were checked when they were registered; a module whose rules have become
        // stricter since then would refuse their settings only when it reads them, so say so now.
        known.values().stream().filter(tenant -> !fromFiles.containsKey(tenant.id())).forEach(tenant -> {
            List<FieldError> errors = TenantDescriptors.checkModuleSettings("network:" + tenant.id(), tenant,
                    validators());
            if (!errors.isEmpty()) {
                LOG.severe(() -> "The module settings of registered tenant " + tenant.id() + " are not valid: "
                        + errors);
            }
        });
        // Create every module's indexes now rather than on the first request that needs them.
        databases.network();
        known.keySet().forEach(databases::forTenant);
        LOG.info(() -> "Tenants: " + known.keySet() + " (" + fromFiles.size() + " from " + directory.toAbsolutePath()
                + ")");
    }

    public Collection<TenantDescriptor> all() {
        return known.values();
    }

    public Set<TenantId> ids() {
        return known.keySet();
    }

    public Optional<TenantDescriptor> find(TenantId id) {
        TenantDescriptor descriptor = known.get(id);
        if (descriptor == null) {
            refresh(); // registered on another node since we last looked
            descriptor = known.get(id);
        }
        return Optional.ofNullable(descriptor);
    }

    public TenantDescriptor require(TenantId id) {
        return find(id).orElseThrow(() -> new NotFound("tenant", id.value()));
    }

    /**
     * Creates a tenant at run time. The descriptor and the event that asks for its provisioning are written in one
     * document, so a crash cannot leave a tenant without its organization: the event stays pending until
     * {@link #relayPendingEvents()} has delivered it to provisioning.
     */
    public TenantDescriptor register(TenantDescriptor descriptor, String actor) {
        List<FieldError> settingsErrors = TenantDescriptors.checkModuleSettings(null, descriptor, validators());
        if (!settingsErrors.isEmpty()) {
            throw new ValidationFailed("The tenant descriptor is not valid", settingsErrors);
        }
        if (find(descriptor.id()).isPresent()) {
            throw new Conflict("A tenant with the id '" + descriptor.id() + "' already exists.");
        }
        // The tenant's organization in Keycloak carries its Chinese name, and Keycloak refuses a second organization
        // of the same name: registered, such a tenant could never be provisioned. Refused here instead, naming the
        // tenant that has the name.
        String name = descriptor.names().zh().strip();
        Optional<TenantDescriptor> namesake = all().stream()
                .filter(tenant -> tenant.names().zh().strip().equalsIgnoreCase(name)).findFirst();
        if (namesake.isPresent()) {
            throw new Conflict("The tenant '" + namesake.get().id() + "' is already named '" + name
                    + "'; each operation centre needs a name of its own.");
        }
        if (!records.insertRegistered(descriptor, actor, new TenantRegistered(descriptor.id().value()))) {
            throw new Conflict("A tenant with the id '" + descriptor.id() + "' already exists.");
        }
        refresh();
        databases.forTenant(descriptor.id());
        audit.record(descriptor.id(), actor, "tenant.registered", descriptor.id().value(),
                descriptor.names().zh() + " / " + descriptor.names().en());
        return require(descriptor.id());
    }

    /** A tenant administrator changes the contact and branding of their own tenant; validated like a descriptor. */
    public TenantDescriptor updateProfile(TenantId id, JsonObject contact, JsonObject branding, String actor) {
        TenantDescriptor current = require(id);
        JsonObjectBuilder merged = Json.createObjectBuilder(Json.createReader(
                new StringReader(TenantDescriptors.toJson(current))).readObject());
        merged.add("contact", contact == null ? JsonObject.EMPTY_JSON_OBJECT : contact);
        merged.add("branding", branding == null ? JsonObject.EMPTY_JSON_OBJECT : branding);
        TenantDescriptor updated = TenantDescriptors.parse(null, merged.build().toString());
        records.saveProfile(id, updated.contact(), updated.branding(), actor);
        refresh();
        audit.record(id, actor, "tenant.profile.updated", id.value(), "contact: " + updated.contact().name() + " <"
                + updated.contact().email() + ">, colour: " + updated.branding().primaryColor());
        return require(id);
    }

    /** Delivers registration events that a crash or an unreachable Keycloak left pending. */
    public int relayPendingEvents() {
        return records.relayPending();
    }

    private List<ModuleSettingsValidator> validators() {
        return validators.stream().toList();
    }

    private synchronized void refresh() {
        Map<TenantId, TenantDescriptor> merged = new LinkedHashMap<>(fromFiles);
        List<TenantRecord> stored = records.all();
        for (TenantRecord record : stored) {
            record.registered().ifPresent(descriptor -> merged.putIfAbsent(descriptor.id(), descriptor));
        }
        for (TenantRecord record : stored) {
            TenantDescriptor base = merged.get(record.id());
            if (base != null && record.contact().isPresent()) {
                merged.put(record.id(), base.withProfile(record.contact().get(),
                        record.branding().orElse(base.branding())));
            }
        }
        known = java.util.Collections.unmodifiableMap(merged); // keeps the files' order for listings
    }
}
