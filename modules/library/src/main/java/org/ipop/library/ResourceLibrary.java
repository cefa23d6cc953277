package org.ipop.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.ipop.audit.AuditTrail;
import org.ipop.kernel.Conflict;
import org.ipop.kernel.CurrentTenant;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.NotFound;
import org.ipop.kernel.TenantId;
import org.ipop.kernel.ValidationFailed;
import org.ipop.library.application.InventoryImports;
import org.ipop.library.application.LibrarySearch;
import org.ipop.library.application.NetworkCatalogue;
import org.ipop.library.application.PatentAnalyzer;
import org.ipop.library.domain.Screening;
import org.ipop.library.persistence.MongoImportJobs;
import org.ipop.library.persistence.MongoPatents;
import org.ipop.library.persistence.MongoPatents.PatentState;

/**
 * The resource library of the current tenant: inventory imports, the patents with their screening, search, and
 * publishing to the network catalogue. Every operation acts for the tenant of the request and fails closed without
 * one; another tenant's patent or job is "not found".
 */
@ApplicationScoped
public class ResourceLibrary {

    private final CurrentTenant tenant;
    private final InventoryImports imports;
    private final MongoImportJobs jobs;
    private final MongoPatents patents;
    private final NetworkCatalogue catalogue;
    private final LibrarySearch search;
    private final PatentAnalyzer analyzer;
    private final Institutions institutions;
    private final AuditTrail audit;
    private final Event<PatentAvailable> available;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public ResourceLibrary(CurrentTenant tenant, InventoryImports imports, MongoImportJobs jobs, MongoPatents patents,
            NetworkCatalogue catalogue, LibrarySearch search, PatentAnalyzer analyzer, Institutions institutions,
            AuditTrail audit, Event<PatentAvailable> available) {
        this.tenant = tenant;
        this.imports = imports;
        this.jobs = jobs;
        this.patents = patents;
        this.catalogue = catalogue;
        this.search = search;
        this.analyzer = analyzer;
        this.institutions = institutions;
        this.audit = audit;
        this.available = available;
    }

    /** For CDI's client proxy only. */
    protected ResourceLibrary() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Stores an institution's inventory file and imports it in the background. A technology-transfer office imports
     * for its own institution; staff for any, registering a new one ({@link Institutions}).
     */
    public ImportJobView startImport(String institution, String fileName, InputStream content, LibraryCaller caller) {
        tenant.require();
        if (fileName == null || fileName.isBlank()) {
            throw new ValidationFailed("The import cannot start",
                    List.of(new FieldError("fileName", fileName, "the file name is required")));
        }
        String owner = institutions.forImport(institution, caller);
        return imports.start(tenant.require(), owner, fileName.strip(), content, caller.username());
    }

    /** An import job; a technology-transfer office's view ends at its own institutions' jobs. */
    public ImportJobView importJob(String id, LibraryCaller caller) {
        ImportJobView job = jobs.find(id).orElseThrow(() -> new NotFound("import", id));
        if (!visible(job.institution(), caller)) {
            throw new NotFound("import", id);
        }
        return job;
    }

    public List<ImportJobView> importJobs(LibraryCaller caller) {
        return jobs.recent(50, institutions.visibleTo(caller));
    }

    public List<ImportRowError> importErrors(String id, LibraryCaller caller) {
        importJob(id, caller);
        return jobs.errors(id).stream().map(e -> new ImportRowError(e.rowNumber(), e.column(), e.value(), e.reason()))
                .toList();
    }

    /** A patent of the tenant; another institution's patent is "not found" for a technology-transfer office. */
    public PatentDetail patent(String id, LibraryCaller caller) {
        tenant.require();
        PatentDetail patent = patents.detail(id).orElseThrow(() -> new NotFound("patent", id));
        if (!visible(patent.institution(), caller)) {
            throw new NotFound("patent", id);
        }
        return patent;
    }

    /**
     * A search of the library; a technology-transfer office's searches are limited to its own institutions (the
     * ones it names among them, or all of them), and one that is a member of none finds nothing.
     */
    public LibraryPage search(LibraryQuery query, LibraryCaller caller) {
        TenantId current = tenant.require();
        Optional<Set<String>> visible = institutions.visibleTo(caller);
        if (visible.isEmpty()) {
            return search.search(current, query);
        }
        List<String> allowed = query.institutions().isEmpty()
                ? visible.get().stream().sorted().toList()
                : query.institutions().stream().filter(visible.get()::contains).toList();
        if (allowed.isEmpty()) {
            return new LibraryPage(0, Math.max(0, query.page()), Math.max(1, query.size()), List.of(), Map.of(), 0);
        }
        return search.search(current, query.withInstitutions(allowed));
    }

    /**
     * The institution's self-assessment; it may be revised until an operator has reviewed the patent. A
     * technology-transfer office assesses its own institutions' patents only.
     */
    public PatentDetail selfAssess(String id, SelfAssessment assessment, LibraryCaller caller) {
        if (assessment == null || assessment.prospect() == null) {
            throw new ValidationFailed("A self-assessment needs a prospect",
                    List.of(new FieldError("prospect", null, "GOOD or UNCLEAR")));
        }
        PatentState state = state(id);
        if (!visible(state.institution(), caller)) {
            throw new NotFound("patent", id);
        }
        String actor = caller.username();
        Screening.checkSelfAssessment(state.status());
        if (!patents.recordSelfAssessment(id, List.of(ScreeningStatus.INVENTORIED, ScreeningStatus.SELF_ASSESSED),
                assessment, actor)) {
            throw new Conflict("The patent changed while you were assessing it; reload and try again.");
        }
        return changed(id, actor, "library.patent.self-assessed", assessment.prospect().name());
    }

    /** An operator admits, flags or rejects a patent; a reason is required unless it is admitted. */
    public PatentDetail review(String id, ReviewDecision decision, String actor) {
        PatentState state = state(id);
        ScreeningStatus to = Screening.review(state.status(), decision);
        List<ScreeningStatus> reviewable = new ArrayList<>(List.of(ScreeningStatus.SELF_ASSESSED,
                ScreeningStatus.ADMITTED, ScreeningStatus.FLAGGED_UNCLEAR, ScreeningStatus.REJECTED));
        if (state.spotChecked()) {
            reviewable.add(ScreeningStatus.INVENTORIED);
        }
        if (!patents.recordReview(id, reviewable, to, decision, actor)) {
            throw new Conflict("Only self-assessed or spot-checked patents can be reviewed; this one is "
                    + state.status().chinese() + ".");
        }
        // The review outcome is an input of the value score and the tier: recompute them.
        patents.updateAnalysis(id, analyzer.analyze(tenant.require(), patents.record(id).orElseThrow(), to));
        if (to != ScreeningStatus.ADMITTED && state.published()) {
            withdraw(id, actor);
        }
        PatentDetail reviewed = changed(id, actor, "library.patent.reviewed", decision.outcome().name());
        if (to == ScreeningStatus.ADMITTED && state.status() != ScreeningStatus.ADMITTED
                && state.deal() == DealStatus.AVAILABLE) {
            available.fire(new PatentAvailable(tenant.require().value(), id));
        }
        return reviewed;
    }

    /**
     * Draws a random sample of {@code percent} % (at least one) of an institution's not yet reviewed patents for an
     * operator's review (抽查); sampled patents can be reviewed even before their self-assessment.
     */
    public List<String> spotCheck(String institution, int percent, String actor) {
        if (percent < 1 || percent > 100) {
            throw new ValidationFailed("The sample size is not valid",
                    List.of(new FieldError("percent", String.valueOf(percent), "between 1 and 100")));
        }
        List<String> candidates = new ArrayList<>(patents.idsOfInstitution(institution,
                List.of(ScreeningStatus.INVENTORIED, ScreeningStatus.SELF_ASSESSED)));
        if (candidates.isEmpty()) {
            throw new NotFound("unreviewed patents of institution", institution);
        }
        Collections.shuffle(candidates, random);
        int size = Math.max(1, (int) Math.ceil(candidates.size() * percent / 100.0));
        List<String> sample = List.copyOf(candidates.subList(0, size));
        sample.forEach(id -> patents.markSpotChecked(id, actor, percent));
        search.index(tenant.require(), sample);
        audit.record(tenant.require(), actor, "library.spot-check.drawn", institution,
                percent + "% → " + sample.size() + " of " + candidates.size() + ": " + String.join(", ", sample));
        return sample;
    }

    /** Publishes an admitted patent to the network catalogue (一点发布、全网通达): only public fields leave the tenant. */
    public PatentDetail publish(String id, String actor) {
        PatentState state = state(id);
        if (state.status() != ScreeningStatus.ADMITTED) {
            throw new Conflict("Only patents admitted to the library can be published; this one is "
                    + state.status().chinese() + ".");
        }
        if (state.deal() != DealStatus.AVAILABLE) {
            throw new Conflict("该专利" + state.deal().chinese() + "，不能发布 / A patent that is "
                    + state.deal().name() + " cannot be published.");
        }
        catalogue.publish(tenant.require(), id);
        patents.markPublished(id, true);
        return changed(id, actor, "library.patent.published", id);
    }

    /**
     * States whether a patent is still available for a deal. A transferred or exclusively licensed patent is no longer
     * matched or pushed and is withdrawn from the network catalogue; the note (to whom, which contract, until when)
     * is required for those.
     */
    public PatentDetail recordDeal(String id, DealUpdate update, String actor) {
        PatentState state = state(id);
        DealStatus status = update == null ? null : DealStatus.parse(update.status()).orElse(null);
        String note = update == null || update.note() == null || update.note().isBlank() ? null : update.note().strip();
        List<FieldError> errors = new ArrayList<>();
        if (status == null) {
            errors.add(new FieldError("status", update == null ? null : update.status(),
                    "须为 AVAILABLE（可交易）、TRANSFERRED（已转让）或 EXCLUSIVE_LICENCE（独占许可中）"));
        } else if (status != DealStatus.AVAILABLE && note == null) {
            errors.add(new FieldError("note", null, "请说明受让方或被许可方、合同及期限 / say to whom, which contract, until when"));
        }
        if (note != null && note.length() > 500) {
            errors.add(new FieldError("note", null, "至多 500 字 / at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed("交易状态有误 / The deal status is not valid", errors);
        }
        patents.recordDeal(id, status, note, actor);
        if (status != DealStatus.AVAILABLE && state.published()) {
            withdraw(id, actor);
        }
        PatentDetail changed = changed(id, actor, "library.patent.deal", state.deal().name() + " → " + status.name()
                + (note == null ? "" : ": " + note));
        if (status == DealStatus.AVAILABLE && state.deal() != DealStatus.AVAILABLE
                && state.status() == ScreeningStatus.ADMITTED) {
            available.fire(new PatentAvailable(tenant.require().value(), id));
        }
        return changed;
    }

    /** Withdraws a patent from the network catalogue everywhere. */
    public PatentDetail withdraw(String id, String actor) {
        state(id);
        catalogue.withdraw(tenant.require(), id);
        patents.markPublished(id, false);
        return changed(id, actor, "library.patent.withdrawn", id);
    }

    /**
     * Every patent of {@code tenant} available for a deal (admitted, not lapsed), for matching; called outside
     * requests, so the tenant is explicit.
     */
    public void forEachMatchable(TenantId tenantId, Consumer<MatchablePatent> action) {
        patents.forEachMatchable(tenantId, action);
    }

    /**
     * Those of the given patents of {@code tenant} that are available for a deal now (incremental matching reads the
     * patents that just became available).
     */
    public void forEachMatchable(TenantId tenantId, Collection<String> applicationNumbers,
            Consumer<MatchablePatent> action) {
        patents.forEachMatchable(tenantId, applicationNumbers, action);
    }

    /** Which of the given patents of {@code tenant} are available for a deal now. */
    public Set<String> availableAmong(TenantId tenantId, Collection<String> applicationNumbers) {
        return patents.availableAmong(tenantId, applicationNumbers);
    }

    /**
     * Every patent other tenants have published to the network catalogue and that has not lapsed, for matching
     * {@code viewer}'s enterprises: public fields only (no tier, value score, claim or region).
     */
    public void forEachNetworkMatchable(TenantId viewer, Consumer<MatchablePatent> action) {
        catalogue.forEachMatchable(viewer, action);
    }

    /** The network catalogue: what every tenant has published. */
    public List<CataloguePatent> catalogue(String text, int page, int size) {
        int limit = Math.max(1, Math.min(size, 100));
        return catalogue.page(text, Math.max(0, page), limit);
    }

    private PatentDetail changed(String id, String actor, String action, String detail) {
        TenantId current = tenant.require();
        search.index(current, List.of(id));
        audit.record(current, actor, action, id, detail);
        return patents.detail(id).orElseThrow(() -> new NotFound("patent", id));
    }

    private boolean visible(String institution, LibraryCaller caller) {
        return institutions.visibleTo(caller).map(mine -> mine.contains(institution)).orElse(true);
    }

    private PatentState state(String id) {
        tenant.require();
        return patents.state(id).orElseThrow(() -> new NotFound("patent", id));
    }
}
