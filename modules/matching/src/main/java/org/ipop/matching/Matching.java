package org.ipop.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ipop.audit.AuditTrail;
import org.ipop.enterprises.EnterpriseChanged;
import org.ipop.enterprises.EnterpriseView;
import org.ipop.enterprises.Enterprises;
import org.ipop.enterprises.Recognition;
import org.ipop.kernel.Conflict;
import org.ipop.kernel.CurrentTenant;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.NotFound;
import org.ipop.kernel.TenantId;
import org.ipop.kernel.ValidationFailed;
import org.ipop.library.MatchablePatent;
import org.ipop.library.ResourceLibrary;
import org.ipop.matching.engine.EnterpriseQuery;
import org.ipop.matching.engine.IndustryBridge;
import org.ipop.matching.engine.Match;
import org.ipop.matching.engine.MatchingEngine;
import org.ipop.matching.engine.PatentCorpus;
import org.ipop.matching.persistence.MongoCampaigns;
import org.ipop.matching.persistence.MongoInbox;
import org.ipop.reference.ReferenceData;
import org.ipop.tenancy.ManagedExecutors;

/**
 * Campaigns, previews and inboxes of the request's tenant. A run matches every enterprise in the campaign's scope
 * against the library's available patents (admitted, not lapsed) in the background, without the patents the
 * enterprise was already offered or rejected; its results wait for the operator's push.
 */
@ApplicationScoped
public class Matching {

    private static final Logger LOG = Logger.getLogger(Matching.class.getName());
    private static final int DEFAULT_K = 20;
    private static final int PROGRESS_EVERY = 50;
    private static final int MAX_WORKERS = 4;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final CurrentTenant tenant;
    private final ResourceLibrary library;
    private final Enterprises enterprises;
    private final MongoCampaigns campaigns;
    private final MongoInbox inbox;
    private final AuditTrail audit;
    private final KeptForMatching kept;

    @Inject
    public Matching(CurrentTenant tenant, ResourceLibrary library, Enterprises enterprises, MongoCampaigns campaigns,
            MongoInbox inbox, AuditTrail audit) {
        this.tenant = tenant;
        this.library = library;
        this.enterprises = enterprises;
        this.campaigns = campaigns;
        this.inbox = inbox;
        this.audit = audit;
        this.kept = new KeptForMatching(library, enterprises, this::query);
    }

    /** For CDI's client proxy only. */
    protected Matching() {
        this(null, null, null, null, null, null);
    }

    public CampaignView create(CampaignInput input, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (input == null || input.name() == null || input.name().isBlank()) {
            errors.add(new FieldError("name", null, "活动名称必填 / the name is required"));
        }
        int k = input == null || input.k() == null ? DEFAULT_K : input.k();
        if (k < 1 || k > 50) {
            errors.add(new FieldError("k", String.valueOf(k), "每家企业推送 1–50 件 / between 1 and 50"));
        }
        if (input != null) {
            input.branches().stream().filter(b -> ReferenceData.get().industryBranch(b).isEmpty())
                    .forEach(b -> errors.add(new FieldError("branches", b, "不是战略性新兴产业细分领域代码 / not an SEI branch")));
            input.regions().stream().filter(r -> ReferenceData.get().region(r).isEmpty())
                    .forEach(r -> errors.add(new FieldError("regions", r, "不是行政区划代码 / not a region code")));
            input.recognitions().stream().filter(r -> Recognition.parse(r).isEmpty())
                    .forEach(r -> errors.add(new FieldError("recognitions", r, "未知的认定类型 / not a recognition")));
            if (!List.of(CampaignInput.LIBRARY, CampaignInput.NETWORK).contains(input.scope())) {
                errors.add(new FieldError("scope", input.scope(),
                        "范围须为 LIBRARY（本中心资源库）或 NETWORK（含网络目录）/ LIBRARY or NETWORK"));
            }
        }
        Instant runAt = input == null ? null : runAt(input.runAt(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailed("匹配活动设置有误 / The campaign is not valid", errors);
        }
        CampaignInput normalised = new CampaignInput(input.name(), input.branches(), input.regions(),
                input.recognitions().stream().map(r -> Recognition.parse(r).orElseThrow().name()).toList(), k,
                input.scope(), runAt == null ? null : runAt.toString());
        String id = campaigns.create(tenant.require(), normalised, k, runAt, actor);
        audit.record(tenant.require(), actor, "matching.campaign.created", id, input.name()
                + (runAt == null ? "" : ", scheduled for " + runAt));
        return campaign(id);
    }

    /**
     * When a campaign is to run by itself: an ISO 8601 date-time, with an offset or Z, or without one as Beijing time
     * (the centres' time); it must lie ahead. Null if none is set; a problem goes into {@code errors}.
     */
    static Instant runAt(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                at = LocalDateTime.parse(text).atZone(BEIJING).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("runAt", text,
                        "计划时间格式应为 2026-12-01T09:00（北京时间）或带时区 / an ISO 8601 date-time, e.g. 2026-12-01T09:00+08:00"));
                return null;
            }
        }
        if (!at.isAfter(Instant.now())) {
            errors.add(new FieldError("runAt", text, "计划时间须晚于当前时间 / the time must lie ahead"));
            return null;
        }
        return at;
    }

    public List<CampaignView> campaigns() {
        return campaigns.all(tenant.require());
    }

    public CampaignView campaign(String id) {
        return campaigns.find(tenant.require(), id).orElseThrow(() -> new NotFound("campaign", id));
    }

    /** Starts (or restarts) a run in the background; the campaign shows its progress. A scheduled one runs now. */
    public CampaignView run(String id, String actor) {
        TenantId tenantId = tenant.require();
        CampaignView campaign = campaign(id);
        if (!campaigns.transition(tenantId, id, List.of("DRAFT", "SCHEDULED", "READY", "FAILED"), "RUNNING")) {
            throw new Conflict("活动状态为 " + campaign.status() + "，不能运行 / A " + campaign.status()
                    + " campaign cannot be run.");
        }
        audit.record(tenantId, actor, "matching.campaign.run", id, campaign.name());
        ManagedExecutors.executor().execute(() -> execute(tenantId, campaign));
        return campaign(id);
    }

    /**
     * Starts the tenant's scheduled campaigns whose time has come (called outside requests, on every node: the
     * move from SCHEDULED to RUNNING is one conditional write, so each campaign is run once). Returns how many.
     */
    public int runDue(TenantId tenantId) {
        int started = 0;
        for (String id : campaigns.due(tenantId, Instant.now())) {
            if (campaigns.transition(tenantId, id, List.of("SCHEDULED"), "RUNNING")) {
                CampaignView campaign = campaigns.find(tenantId, id).orElseThrow();
                audit.record(tenantId, "platform", "matching.campaign.run", id, campaign.name() + " (scheduled by "
                        + campaign.createdBy() + " for " + campaign.runAt() + ")");
                ManagedExecutors.executor().execute(() -> execute(tenantId, campaign));
                started++;
            }
        }
        return started;
    }

    /** Cancels a campaign's scheduled run: it goes back to DRAFT, to be run by hand or scheduled anew. */
    public CampaignView unschedule(String id, String actor) {
        TenantId tenantId = tenant.require();
        CampaignView campaign = campaign(id);
        if (!campaigns.unschedule(tenantId, id)) {
            throw new Conflict("活动状态为 " + campaign.status() + "，没有计划中的运行 / A " + campaign.status()
                    + " campaign has no scheduled run.");
        }
        audit.record(tenantId, actor, "matching.campaign.unscheduled", id, campaign.name() + " (was "
                + campaign.runAt() + ")");
        return campaign(id);
    }

    /** The run itself; carries its tenant explicitly (no request here). */
    void execute(TenantId tenantId, CampaignView campaign) {
        try {
            PatentCorpus corpus;
            if (CampaignInput.NETWORK.equals(campaign.scope())) {
                corpus = availableInNetwork(tenantId);
            } else {
                corpus = availablePatents(tenantId);
                kept.read(tenantId, corpus); // incremental matching goes on from what this run read
            }
            MatchingEngine engine = new MatchingEngine(corpus);
            List<EnterpriseView> inScope = new ArrayList<>();
            enterprises.forEach(tenantId, enterprise -> {
                if (inScope(campaign, enterprise)) {
                    inScope.add(enterprise);
                }
            });
            campaigns.started(tenantId, campaign.id(), inScope.size(), corpus.size());
            matchInParallel(tenantId, campaign, inScope, engine, corpus);
            campaigns.finished(tenantId, campaign.id(), "READY", null);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Campaign " + campaign.id() + " of tenant " + tenantId + " failed", e);
            campaigns.finished(tenantId, campaign.id(), "FAILED",
                    "匹配意外中止，可重新运行 / The run stopped unexpectedly; run it again.");
        }
    }

    /**
     * Matches the enterprises on as many workers as the machine has cores (at most {@value #MAX_WORKERS}): each
     * takes the next {@value #PROGRESS_EVERY} enterprises, matches them and records them with the progress so far.
     * The engine is safe to share (its working memory is per thread).
     */
    private void matchInParallel(TenantId tenantId, CampaignView campaign, List<EnterpriseView> inScope,
            MatchingEngine engine, PatentCorpus corpus) {
        AtomicInteger next = new AtomicInteger();
        long[] done = {0};
        Runnable worker = () -> {
            for (int first = next.getAndAdd(PROGRESS_EVERY); first < inScope.size();
                    first = next.getAndAdd(PROGRESS_EVERY)) {
                List<EnterpriseView> chunk = inScope.subList(first, Math.min(inScope.size(), first + PROGRESS_EVERY));
                List<MatchView> batch = new ArrayList<>();
                for (EnterpriseView enterprise : chunk) {
                    batch.addAll(views(enterprise, engine.topPatents(query(tenantId, enterprise), campaign.k()),
                            corpus));
                }
                synchronized (done) { // progress only grows, and each batch is recorded with it
                    done[0] += chunk.size();
                    campaigns.recordMatches(tenantId, campaign.id(), batch, done[0]);
                }
            }
        };
        int workers = Math.max(1, Math.min(MAX_WORKERS, Math.min(Runtime.getRuntime().availableProcessors(),
                (inScope.size() + PROGRESS_EVERY - 1) / PROGRESS_EVERY)));
        List<Future<?>> others = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            others.add(ManagedExecutors.executor().submit(worker));
        }
        worker.run();
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while matching", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a matching worker failed", e.getCause());
            }
        }
        if (inScope.isEmpty()) {
            campaigns.recordMatches(tenantId, campaign.id(), List.of(), 0);
        }
    }

    public List<MatchView> matches(String id, String enterprise, int page, int size) {
        campaign(id);
        int pageSize = Math.max(1, Math.min(size, 500));
        return campaigns.matches(tenant.require(), id, enterprise, Math.max(0, page) * pageSize, pageSize);
    }

    /** Pushes a ready campaign's results into the enterprises' inboxes (each patent once per enterprise). */
    public CampaignView push(String id, String actor) {
        TenantId tenantId = tenant.require();
        CampaignView campaign = campaign(id);
        if (!campaigns.transition(tenantId, id, List.of("READY"), "PUSHED")) {
            throw new Conflict("只有已完成匹配的活动可以推送 / Only a READY campaign can be pushed; this one is "
                    + campaign.status() + ".");
        }
        pushResults(tenantId, id, actor);
        return campaign(id);
    }

    /** Copies a campaign's results into the inboxes (pairs pushed before are skipped) and counts them. */
    private void pushResults(TenantId tenantId, String id, String actor) {
        Map<String, String> provinces = new HashMap<>();
        List<MatchView> batch = new ArrayList<>();
        long[] pushed = {0};
        campaigns.forEachMatch(tenantId, id, match -> {
            batch.add(match);
            if (batch.size() == 500) {
                pushed[0] += pushBatch(tenantId, id, batch, provinces);
                batch.clear();
            }
        });
        pushed[0] += pushBatch(tenantId, id, batch, provinces);
        campaigns.pushed(tenantId, id, pushed[0], actor);
        audit.record(tenantId, actor, "matching.campaign.pushed", id, pushed[0] + " patents pushed");
    }

    private long pushBatch(TenantId tenantId, String campaign, List<MatchView> batch, Map<String, String> provinces) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<String> provinceOf = batch.stream().map(match -> provinces.computeIfAbsent(match.enterpriseCode(),
                code -> enterprises.find(tenantId, code).map(e -> e.profile().regionCode().substring(0, 2) + "0000")
                        .orElse(null))).toList();
        return inbox.push(tenantId, campaign, batch, provinceOf);
    }

    /** The funnel of a campaign: pushed → viewed → interested, in total, per segment and per province. */
    public Funnel funnel(String id) {
        campaign(id);
        long[] total = new long[4];
        Map<String, long[]> bySegment = new LinkedHashMap<>();
        Map<String, long[]> byRegion = new LinkedHashMap<>();
        inbox.forEachOfCampaign(tenant.require(), id, entry -> {
            count(total, entry);
            entry.segmentKeys().forEach(key -> count(bySegment.computeIfAbsent(key, k -> new long[4]), entry));
            count(byRegion.computeIfAbsent(entry.province() == null ? "—" : entry.province(), k -> new long[4]),
                    entry);
        });
        ReferenceData reference = ReferenceData.get();
        return new Funnel(stage(null, null, total),
                bySegment.entrySet().stream().map(e -> stage(e.getKey(), reference.industryBranch(e.getKey())
                        .map(b -> b.name()).orElse(null), e.getValue())).toList(),
                byRegion.entrySet().stream().map(e -> stage(e.getKey(), reference.region(e.getKey())
                        .map(r -> r.name()).orElse(null), e.getValue())).toList());
    }

    /**
     * The best patents for one enterprise now (incremental matching after its profile changed, or before a
     * campaign), without the ones already offered to it.
     */
    public List<MatchView> preview(String creditCode, int k) {
        TenantId tenantId = tenant.require();
        EnterpriseView enterprise = enterprises.find(creditCode);
        return availableTopPatents(tenantId, enterprise, Math.max(1, Math.min(k, 50)));
    }

    /** The enterprises a patent suits best (incremental matching of a newly admitted or published patent). */
    public List<MatchView> enterprisesFor(String patentId, int k) {
        TenantId tenantId = tenant.require();
        KeptForMatching.Patents patents = kept.withCurrent(tenantId, Set.of(patentId));
        int index = patents.availableIndexOf(patentId);
        if (index < 0) {
            throw new NotFound("patent available for matching (admitted, in force)", patentId);
        }
        return suitedTo(patents, kept.enterprises(tenantId), index, Math.max(1, Math.min(k, 100)));
    }

    /**
     * Incremental matching outside requests (the tenant is explicit): the patents that became available are matched
     * against all the tenant's enterprises, the enterprises created or changed against all available patents, and
     * the results join the tenant's continuous campaign (持续匹配), where operators review and push them like any
     * campaign's — or, if {@code push}, are pushed into the inboxes at once. Returns false, doing nothing, while that
     * campaign is being run in full (retry later). Reads the corpus and the enterprises kept between sweeps
     * ({@link KeptForMatching}), brought up to date with these patents and enterprises, not the whole library again.
     */
    public boolean matchIncrementally(TenantId tenantId, Set<String> patentIds, Set<String> creditCodes,
            boolean push) {
        CampaignView continuous = campaigns.continuous(tenantId);
        if ("RUNNING".equals(continuous.status())) {
            return false;
        }
        KeptForMatching.Patents patents = kept.withCurrent(tenantId, patentIds);
        List<MatchView> found = new ArrayList<>();
        for (String code : creditCodes) {
            enterprises.find(tenantId, code).ifPresent(enterprise -> found.addAll(
                    availableTopPatents(tenantId, enterprise, continuous.k())));
        }
        List<Integer> available = patentIds.stream().map(patents::availableIndexOf).filter(index -> index >= 0)
                .toList();
        if (!available.isEmpty()) {
            KeptForMatching.KeptEnterprises all = kept.enterprises(tenantId);
            for (int index : available) {
                found.addAll(suitedTo(patents, all, index, continuous.k()));
            }
        }
        campaigns.addMatches(tenantId, continuous.id(), found, patents.corpus().size());
        audit.record(tenantId, "platform", "matching.campaign.incremental", continuous.id(), patentIds.size()
                + " patents, " + creditCodes.size() + " enterprises → " + found.size() + " matches");
        if (push && !found.isEmpty() && campaigns.transition(tenantId, continuous.id(), List.of("READY"), "PUSHED")) {
            pushResults(tenantId, continuous.id(), "platform");
        }
        return true;
    }

    /**
     * The enterprise's best {@code k} available patents from the kept corpus, ranked from 1. The corpus may still
     * hold patents that stopped being available since it was read (nothing announces a transfer or a lapse to
     * matching), so the patents found are checked against the library; if one is gone, the search is run again
     * without it.
     */
    private List<MatchView> availableTopPatents(TenantId tenantId, EnterpriseView enterprise, int k) {
        EnterpriseQuery query = query(tenantId, enterprise);
        for (int attempt = 1; ; attempt++) {
            KeptForMatching.Patents patents = kept.patents(tenantId);
            List<Match> matches = patents.engine().topPatents(patents.excludingUnavailable(query), k);
            Set<String> named = new HashSet<>();
            matches.forEach(match -> named.add(match.patentId()));
            Set<String> available = kept.stillAvailable(tenantId, named);
            if (available.size() == named.size() || attempt == 3) {
                return views(enterprise, matches.stream().filter(match -> available.contains(match.patentId()))
                        .toList(), patents.corpus());
            }
        }
    }

    /** The {@code k} enterprises a patent of the corpus suits best, ranked from 1. */
    private static List<MatchView> suitedTo(KeptForMatching.Patents patents, KeptForMatching.KeptEnterprises all,
            int patentIndex, int k) {
        MatchablePatent patent = patents.corpus().patent(patentIndex);
        List<Match> matches = patents.engine().topEnterprises(patentIndex, all.index(), k);
        List<MatchView> result = new ArrayList<>();
        for (int rank = 0; rank < matches.size(); rank++) {
            EnterpriseQuery enterprise = all.byCode().get(matches.get(rank).enterpriseId());
            result.add(view(enterprise.id(), enterprise.name(), matches.get(rank), patent, rank + 1));
        }
        return result;
    }

    /** A kept enterprise that changed is read again before the kept ones are next used (the sweep comes later). */
    void enterpriseChanged(@Observes EnterpriseChanged event) {
        kept.enterprisesChanged(new TenantId(event.tenantId()), List.of(event.creditCode()));
    }

    /** The inbox of the user's enterprise. */
    public List<InboxItem> inbox(String username) {
        return inbox.of(tenant.require(), enterprises.mine(username).creditCode());
    }

    public InboxItem markRead(String username, String patentId) {
        String enterprise = enterprises.mine(username).creditCode();
        if (!inbox.markRead(tenant.require(), enterprise, patentId)) {
            throw new NotFound("pushed patent", patentId);
        }
        return item(enterprise, patentId);
    }

    /** The enterprise's answer; "not relevant" needs a reason, which later matching takes into account. */
    public InboxItem respond(String username, String patentId, InboxResponse response) {
        String enterprise = enterprises.mine(username).creditCode();
        if (response == null || !(InboxResponse.INTERESTED.equals(response.response())
                || InboxResponse.NOT_RELEVANT.equals(response.response()))) {
            throw new ValidationFailed("反馈有误 / The answer is not valid", List.of(new FieldError("response",
                    response == null ? null : response.response(), "INTERESTED 或 NOT_RELEVANT")));
        }
        if (InboxResponse.NOT_RELEVANT.equals(response.response())
                && (response.reason() == null || response.reason().isBlank())) {
            throw new ValidationFailed("请说明不相关的原因 / Say why it is not relevant", List.of(new FieldError(
                    "reason", null, "不相关需填写原因 / a reason is required")));
        }
        if (!inbox.respond(tenant.require(), enterprise, patentId, response.response(),
                response.reason() == null ? null : response.reason().strip(), username)) {
            throw new NotFound("pushed patent", patentId);
        }
        kept.enterprisesChanged(tenant.require(), List.of(enterprise)); // its answers move its later matches
        audit.record(tenant.require(), username, "matching.inbox.answered", patentId, response.response()
                + (response.reason() == null ? "" : ": " + response.reason()));
        return item(enterprise, patentId);
    }

    private InboxItem item(String enterprise, String patentId) {
        return inbox.find(tenant.require(), enterprise, patentId)
                .orElseThrow(() -> new NotFound("pushed patent", patentId));
    }

    /** The tenant's patents available for a deal, read from the library and indexed for matching. */
    private PatentCorpus availablePatents(TenantId tenantId) {
        List<MatchablePatent> patents = new ArrayList<>();
        library.forEachMatchable(tenantId, patents::add);
        return PatentCorpus.of(patents);
    }

    /**
     * The tenant's own available patents and every patent other tenants have published to the network catalogue
     * (public fields only); a patent both here and there counts once, as the tenant's own.
     */
    private PatentCorpus availableInNetwork(TenantId tenantId) {
        Map<String, MatchablePatent> patents = new LinkedHashMap<>();
        library.forEachMatchable(tenantId, patent -> patents.put(patent.id(), patent));
        library.forEachNetworkMatchable(tenantId, patent -> patents.putIfAbsent(patent.id(), patent));
        return PatentCorpus.of(new ArrayList<>(patents.values()));
    }

    /** An enterprise's matches, ranked from 1, with their patents' titles. */
    private static List<MatchView> views(EnterpriseView enterprise, List<Match> matches, PatentCorpus corpus) {
        List<MatchView> result = new ArrayList<>();
        for (int rank = 0; rank < matches.size(); rank++) {
            Match match = matches.get(rank);
            result.add(view(enterprise.creditCode(), enterprise.profile().name(), match,
                    corpus.patent(corpus.indexOf(match.patentId())), rank + 1));
        }
        return result;
    }

    private EnterpriseQuery query(TenantId tenantId, EnterpriseView enterprise) {
        Set<String> excluded = inbox.patentsOf(tenantId, enterprise.creditCode());
        return EnterpriseQuery.of(enterprise, enterprises.openDemands(tenantId, enterprise.creditCode()), excluded,
                IndustryBridge.standard()).withFeedback(inbox.feedbackOf(tenantId, enterprise.creditCode()));
    }

    private static boolean inScope(CampaignView campaign, EnterpriseView enterprise) {
        if (!campaign.branches().isEmpty() && campaign.branches().stream().noneMatch(branch ->
                enterprise.profile().branches().contains(branch) || enterprise.profile().industryClasses().stream()
                        .anyMatch(c -> IndustryBridge.standard().branchesOf(c).contains(branch)))) {
            return false;
        }
        String region = enterprise.profile().regionCode();
        if (!campaign.regions().isEmpty() && campaign.regions().stream().noneMatch(r -> region.equals(r)
                || (r.endsWith("0000") && region.startsWith(r.substring(0, 2)))
                || (r.endsWith("00") && region.startsWith(r.substring(0, 4))))) {
            return false;
        }
        return campaign.recognitions().isEmpty() || campaign.recognitions().stream()
                .anyMatch(enterprise.profile().recognitions()::contains);
    }

    private static MatchView view(String creditCode, String name, Match match, MatchablePatent patent, int rank) {
        return new MatchView(creditCode, name, match.patentId(),
                patent == null ? null : patent.title(), patent == null ? null : patent.institution(), rank,
                match.score(), match.branches(), match.segments(), match.sharedTerms(), match.priors(),
                patent == null ? null : patent.tenantId());
    }

    private static void count(long[] counts, MongoInbox.Entry entry) {
        counts[0]++;
        if (entry.viewed()) {
            counts[1]++;
        }
        if (InboxResponse.INTERESTED.equals(entry.response())) {
            counts[2]++;
        }
        if (InboxResponse.NOT_RELEVANT.equals(entry.response())) {
            counts[3]++;
        }
    }

    private static Funnel.Stage stage(String key, String name, long[] counts) {
        return new Funnel.Stage(key, name, counts[0], counts[1], counts[2], counts[3]);
    }
}
