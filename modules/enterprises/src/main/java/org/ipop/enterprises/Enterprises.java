package org.ipop.enterprises;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.ipop.audit.AuditTrail;
import org.ipop.enterprises.application.EnterpriseImports;
import org.ipop.enterprises.domain.EnterpriseRules;
import org.ipop.enterprises.persistence.MongoDemands;
import org.ipop.enterprises.persistence.MongoEnterpriseImports;
import org.ipop.enterprises.persistence.MongoEnterprises;
import org.ipop.enterprises.persistence.MongoEnterprises.StoredEnterprise;
import org.ipop.kernel.Conflict;
import org.ipop.kernel.CurrentTenant;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.NotFound;
import org.ipop.kernel.TenantId;
import org.ipop.kernel.ValidationFailed;
import org.ipop.reference.ReferenceData;
import org.ipop.reference.Region;

/**
 * The enterprise registry and technology demands of the request's tenant. An enterprise user maintains the one
 * enterprise bound to their account (bound when they first save it); operators maintain any. Every change is
 * audited and announced ({@link EnterpriseChanged}).
 */
@ApplicationScoped
public class Enterprises {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CurrentTenant tenant;
    private final MongoEnterprises enterprises;
    private final MongoDemands demands;
    private final AuditTrail audit;
    private final Event<EnterpriseChanged> changed;
    private final EnterpriseImports imports;
    private final MongoEnterpriseImports importJobs;
    private final EnterpriseRules rules = new EnterpriseRules(ReferenceData.get());
    private final Clock clock = Clock.system(CHINA);

    @Inject
    public Enterprises(CurrentTenant tenant, MongoEnterprises enterprises, MongoDemands demands, AuditTrail audit,
            Event<EnterpriseChanged> changed, EnterpriseImports imports, MongoEnterpriseImports importJobs) {
        this.tenant = tenant;
        this.enterprises = enterprises;
        this.demands = demands;
        this.audit = audit;
        this.changed = changed;
        this.imports = imports;
        this.importJobs = importJobs;
    }

    /** For CDI's client proxy only. */
    protected Enterprises() {
        this(null, null, null, null, null, null, null);
    }

    /** The enterprise the user maintains. */
    public EnterpriseView mine(String username) {
        return enterprises.enterpriseOf(username).flatMap(enterprises::find).map(Enterprises::view)
                .orElseThrow(() -> new NotFound("enterprise of user", username));
    }

    /**
     * Saves the user's own enterprise; the first save binds the user to it. A credit code already registered by
     * other users of the tenant is refused: an operator adds the user to it instead.
     */
    public EnterpriseView saveMine(String username, EnterpriseProfile submitted) {
        EnterpriseProfile profile = validated(submitted);
        Optional<String> bound = enterprises.enterpriseOf(username);
        if (bound.isPresent() && !bound.get().equals(profile.creditCode())) {
            throw new Conflict("您的账号已关联企业 " + bound.get() + "，信用代码不能修改；如需更正请联系运营中心。"
                    + " / Your account maintains enterprise " + bound.get() + "; its credit code cannot change.");
        }
        if (bound.isEmpty() && enterprises.find(profile.creditCode()).isPresent()) {
            throw new Conflict("该统一社会信用代码已由其他账号登记，请联系运营中心将您加入该企业。"
                    + " / This credit code is registered by other users; ask the operation centre to add you.");
        }
        store(profile, username);
        if (bound.isEmpty()) {
            enterprises.addMember(profile.creditCode(), username);
        }
        return find(profile.creditCode());
    }

    /** An operator creates or changes an enterprise. */
    public EnterpriseView save(EnterpriseProfile submitted, String actor) {
        EnterpriseProfile profile = validated(submitted);
        store(profile, actor);
        return find(profile.creditCode());
    }

    /**
     * Starts importing an operator's list of enterprises (CSV in UTF-8 or GBK/GB18030, or XLSX; Chinese or English
     * headers) in the background: valid rows are created or updated, every refused cell is reported with its row
     * and column, and a file without the required columns is refused at once, before anything is written.
     */
    public EnterpriseImportJob startImport(InputStream content, String fileName, String actor) {
        return imports.start(tenant.require(), content, fileName, actor);
    }

    /** An import of the tenant's, with its first refused cells. */
    public EnterpriseImportJob importJob(String id) {
        return importJobs.find(tenant.require(), id).orElseThrow(() -> new NotFound("enterprise import", id));
    }

    /** The tenant's newest imports. */
    public List<EnterpriseImportJob> importJobs() {
        return importJobs.recent(tenant.require(), 20);
    }

    /** Every refused cell of an import of the tenant's, in row order. */
    public void forEachImportProblem(String id, Consumer<EnterpriseImportJob.RowProblem> action) {
        if (!importJobs.exists(tenant.require(), id)) {
            throw new NotFound("enterprise import", id);
        }
        importJobs.forEachProblem(tenant.require(), id, action);
    }

    /** An operator makes a user one of the enterprise's users. */
    public EnterpriseView addMember(String creditCode, String username, String actor) {
        find(creditCode);
        enterprises.addMember(creditCode, username);
        audit.record(tenant.require(), actor, "enterprises.member.added", creditCode, username);
        return find(creditCode);
    }

    public EnterpriseView find(String creditCode) {
        return enterprises.find(CreditCodes.normalise(creditCode)).map(Enterprises::view)
                .orElseThrow(() -> new NotFound("enterprise", creditCode));
    }

    public EnterprisePage list(String text, String region, String branch, String recognition, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, 100));
        int pageNumber = Math.max(0, page);
        MongoEnterprises.Filter filter = new MongoEnterprises.Filter(text, region, branch, recognition);
        return new EnterprisePage(enterprises.count(filter), pageNumber, pageSize,
                enterprises.page(filter, pageNumber, pageSize).stream().map(Enterprises::view).toList());
    }

    /** Every enterprise of a tenant (for matching, which runs outside requests). */
    public void forEach(TenantId tenantId, Consumer<EnterpriseView> action) {
        enterprises.forEach(tenantId, stored -> action.accept(view(stored)));
    }

    public Optional<EnterpriseView> find(TenantId tenantId, String creditCode) {
        return enterprises.find(tenantId, creditCode).map(Enterprises::view);
    }

    /** The problem texts of an enterprise's open demands (for matching). */
    public List<DemandView> openDemands(TenantId tenantId, String creditCode) {
        return demands.openOf(tenantId, creditCode);
    }

    /** The user's enterprise posts a demand. */
    public DemandView postDemand(String username, DemandInput demand) {
        EnterpriseView enterprise = mine(username);
        List<FieldError> errors = rules.check(demand, LocalDate.now(clock));
        if (!errors.isEmpty()) {
            throw new ValidationFailed("需求填写有误 / The demand is not valid", errors);
        }
        String id = demands.create(enterprise.creditCode(), enterprise.profile().name(), demand, username);
        audit.record(tenant.require(), username, "enterprises.demand.posted", id, demand.title());
        changed.fire(new EnterpriseChanged(tenant.require().value(), enterprise.creditCode()));
        return demand(id);
    }

    public List<DemandView> myDemands(String username) {
        return demands.list(mine(username).creditCode());
    }

    /** All demands of the tenant (operators and institutions answer them). */
    public List<DemandView> demands() {
        return demands.list(null);
    }

    public DemandView demand(String id) {
        return demands.find(id).orElseThrow(() -> new NotFound("demand", id));
    }

    /** Closes a demand; its enterprise's users or an operator may. */
    public DemandView closeDemand(String id, String actor, boolean asOperator) {
        DemandView demand = demand(id);
        if (!asOperator && !enterprises.enterpriseOf(actor).map(demand.enterpriseCode()::equals).orElse(false)) {
            throw new NotFound("demand", id); // another enterprise's demand: as if it did not exist
        }
        demands.setStatus(id, "CLOSED");
        if (demand.published()) {
            demands.withdraw(tenant.require(), id);
        }
        audit.record(tenant.require(), actor, "enterprises.demand.closed", id, demand.title());
        // Matching reads an enterprise's needs from its open demands: the closed one must stop steering it.
        changed.fire(new EnterpriseChanged(tenant.require().value(), demand.enterpriseCode()));
        return demand(id);
    }

    /** An operator publishes an open demand to the network (only its public fields leave the tenant). */
    public DemandView publishDemand(String id, String actor) {
        DemandView stored = demand(id);
        if (!"OPEN".equals(stored.status())) {
            throw new Conflict("只有未关闭的需求可以发布 / Only open demands can be published.");
        }
        demands.publish(tenant.require(), stored);
        audit.record(tenant.require(), actor, "enterprises.demand.published", id, stored.title());
        return demand(id);
    }

    public DemandView withdrawDemand(String id, String actor) {
        demand(id);
        demands.withdraw(tenant.require(), id);
        audit.record(tenant.require(), actor, "enterprises.demand.withdrawn", id, null);
        return demand(id);
    }

    /** The network's published demands (anyone may read them). */
    public List<PublishedDemand> publishedDemands(int page, int size) {
        int pageSize = Math.max(1, Math.min(size, 100));
        return demands.published(Math.max(0, page) * pageSize, pageSize);
    }

    private EnterpriseProfile validated(EnterpriseProfile submitted) {
        if (submitted == null) {
            throw new ValidationFailed("请求体为空 / The request has no enterprise", List.of());
        }
        EnterpriseProfile profile = rules.normalise(submitted);
        List<FieldError> errors = rules.check(profile);
        if (!errors.isEmpty()) {
            throw new ValidationFailed("企业信息填写有误 / The enterprise is not valid", errors);
        }
        return profile;
    }

    private void store(EnterpriseProfile profile, String actor) {
        boolean created = enterprises.save(profile, actor);
        audit.record(tenant.require(), actor, created ? "enterprises.enterprise.created"
                : "enterprises.enterprise.changed", profile.creditCode(), profile.name());
        changed.fire(new EnterpriseChanged(tenant.require().value(), profile.creditCode()));
    }

    static EnterpriseView view(StoredEnterprise stored) {
        ReferenceData reference = ReferenceData.get();
        EnterpriseProfile profile = stored.profile();
        return new EnterpriseView(profile,
                reference.region(profile.regionCode()).map(Region::name).orElse(null),
                profile.industryClasses().stream().map(code -> new EnterpriseView.CodeName(code,
                        reference.industryClass(code).map(c -> c.name()).orElse(null))).toList(),
                profile.branches().stream().map(code -> new EnterpriseView.CodeName(code, branchName(code)))
                        .toList(),
                stored.members(), stored.updatedAt() == null ? null : stored.updatedAt().toString(),
                stored.updatedBy());
    }

    private static String branchName(String code) {
        return code == null ? null : ReferenceData.get().industryBranch(code).map(b -> b.name()).orElse(null);
    }
}
