package org.ipop.library.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipop.kernel.TenantId;
import org.ipop.library.DemoLibrarySeeded;
import org.ipop.library.ImportJobView;
import org.ipop.library.InstitutionInput;
import org.ipop.library.Institutions;
import org.ipop.library.LibraryCaller;
import org.ipop.library.ResourceLibrary;
import org.ipop.library.ReviewDecision;
import org.ipop.library.SelfAssessment;
import org.ipop.library.persistence.MongoPatents;
import org.ipop.tenancy.ManagedExecutors;
import org.ipop.tenancy.TenantDescriptor;
import org.ipop.tenancy.TenantWork;
import org.ipop.tenancy.Tenants;

/**
 * Demo data for {@code ./ipop run} ({@code ipop.demo-data=true}; off by default and in the tests): every tenant
 * with the resource library whose library is empty at start-up gets inventories built from the real data
 * ({@link DemoInventories}), imported through the normal import, then screened the way its demo users would — the
 * institution's TTO self-assesses, the operator admits, flags or rejects, and publishes part of what was admitted
 * — so a newcomer finds every screen populated and every state represented. Runs in the background.
 */
@ApplicationScoped
public class LibraryDemoData {

    private static final Logger LOG = Logger.getLogger(LibraryDemoData.class.getName());
    private static final String MODULE = "resource-library";
    private static final List<String> INSTITUTIONS = List.of("华中科技大学", "武汉大学", "武汉理工大学",
            "中国地质大学（武汉）", "华中农业大学", "湖北大学", "中国科学院武汉岩土力学研究所");

    private final boolean enabled;
    private final Tenants tenants;
    private final TenantWork work;
    private final ResourceLibrary library;
    private final Institutions registry;
    private final MongoPatents patents;
    private final Event<DemoLibrarySeeded> seeded;

    @Inject
    public LibraryDemoData(@ConfigProperty(name = "ipop.demo-data", defaultValue = "false") boolean enabled,
            Tenants tenants, TenantWork work, ResourceLibrary library, Institutions registry, MongoPatents patents,
            Event<DemoLibrarySeeded> seeded) {
        this.enabled = enabled;
        this.tenants = tenants;
        this.work = work;
        this.library = library;
        this.registry = registry;
        this.patents = patents;
        this.seeded = seeded;
    }

    /** For CDI's client proxy only. */
    protected LibraryDemoData() {
        this(false, null, null, null, null, null, null);
    }

    void seedAtStartup(@Observes @Priority(Tenants.LOAD_PRIORITY + 100) Startup startup) {
        if (!enabled) {
            return;
        }
        ManagedExecutors.executor().execute(this::seedAll);
    }

    private void seedAll() {
        List<TenantDescriptor> all = new ArrayList<>(tenants.all());
        all.sort(Comparator.comparing(tenant -> tenant.id().value()));
        for (int position = 0; position < all.size(); position++) {
            TenantDescriptor tenant = all.get(position);
            if (!tenant.enabledModules().contains(MODULE) || patents.count(tenant.id()) > 0) {
                continue;
            }
            try {
                seed(tenant, position);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Demo data for tenant " + tenant.id() + " failed", e);
            }
        }
    }

    private void seed(TenantDescriptor tenant, int position) {
        TenantId id = tenant.id();
        List<String> institutions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            institutions.add(INSTITUTIONS.get((position * 2 + i) % INSTITUTIONS.size()));
        }
        int size = position == 0 ? 300 : 200;
        // The operator registers the three universities and makes the demo TTO a member of them (a technology
        // transfer office serving several universities); the TTO uploads their inventories, the operator the rest.
        String operator = user(id, "operator");
        LibraryCaller tto = new LibraryCaller(user(id, "tto"), false);
        work.as(id, () -> {
            for (String institution : institutions) {
                registry.register(new InstitutionInput(institution, null), operator);
                registry.addMember(institution, tto.username(), operator);
            }
            return null;
        });
        for (DemoInventories.Inventory inventory : DemoInventories.forTenant(tenant, position, size, institutions)) {
            LibraryCaller uploader = institutions.contains(inventory.institution()) ? tto : LibraryCaller.staff(operator);
            ImportJobView job = work.as(id, () -> library.startImport(inventory.institution(), inventory.fileName(),
                    new ByteArrayInputStream(inventory.csv()), uploader));
            awaitEnd(id, job.id());
        }
        screen(id, institutions, tto);
        LOG.info(() -> "Demo data for tenant " + id + ": " + patents.count(id) + " patents");
        // Other capabilities build their demo data on the library's (enterprises and a pushed campaign).
        seeded.fire(new DemoLibrarySeeded(id.value()));
    }

    /**
     * Seven in ten are self-assessed as promising: five of them admitted, one flagged 产业化前景不明, and one left
     * awaiting the operator's review, so that the review queue is not empty; one is self-assessed as unclear and
     * rejected, two stay as inventoried; a third of the admitted are published. The TTO
     * self-assesses its universities' patents; the operator those of the institutions without a user of their own
     * (the sample research institute), as an operator may on an institution's behalf.
     */
    private void screen(TenantId id, List<String> ttoInstitutions, LibraryCaller tto) {
        Map<String, String> institutionOf = new HashMap<>();
        patents.forEachSearchDocument(id, null, patent -> institutionOf.put(patent.id(), patent.institution()));
        List<String> ids = new ArrayList<>(institutionOf.keySet());
        ids.sort(Comparator.naturalOrder());
        String operator = user(id, "operator");
        SelfAssessment.ConversionMode[] modes = SelfAssessment.ConversionMode.values();
        for (int i = 0; i < ids.size(); i++) {
            String patent = ids.get(i);
            int decile = i % 10;
            if (decile >= 8) {
                continue;
            }
            boolean promising = decile != 7;
            SelfAssessment.ConversionMode mode = modes[i % modes.length];
            LibraryCaller assessor = ttoInstitutions.contains(institutionOf.get(patent)) ? tto
                    : LibraryCaller.staff(operator);
            int n = i;
            work.as(id, () -> {
                library.selfAssess(patent, new SelfAssessment(promising ? SelfAssessment.Prospect.GOOD
                        : SelfAssessment.Prospect.UNCLEAR, promising ? "已有企业咨询，具备转化条件" : "技术尚在实验室阶段",
                        mode), assessor);
                if (!promising) {
                    library.review(patent, new ReviewDecision(ReviewDecision.Outcome.REJECT,
                            "技术成熟度不足，暂不入库"), operator);
                } else if (decile == 5) {
                    return null; // awaits the operator's review
                } else if (decile == 6) {
                    library.review(patent, new ReviewDecision(ReviewDecision.Outcome.FLAG_UNCLEAR,
                            "产业化前景不明，需补充市场信息"), operator);
                } else {
                    library.review(patent, new ReviewDecision(ReviewDecision.Outcome.ADMIT, null), operator);
                    if (n % 3 == 0) {
                        library.publish(patent, operator);
                    }
                }
                return null;
            });
        }
    }

    private void awaitEnd(TenantId id, String jobId) {
        long deadline = System.currentTimeMillis() + 600_000;
        while (System.currentTimeMillis() < deadline) {
            String status = work.as(id, () -> library.importJob(jobId, LibraryCaller.staff(user(id, "operator")))).status();
            if (!status.equals(ImportJobView.QUEUED) && !status.equals(ImportJobView.RUNNING)) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("demo import " + jobId + " did not finish in 10 minutes");
    }

    /** The demo users are named after their tenant: hubei-tto, hubei-operator… */
    private static String user(TenantId tenant, String role) {
        return tenant.value() + "-" + role;
    }
}
