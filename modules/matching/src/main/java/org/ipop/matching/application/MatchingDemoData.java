package org.ipop.matching.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ipop.enterprises.CreditCodes;
import org.ipop.enterprises.DemandInput;
import org.ipop.enterprises.EnterpriseProfile;
import org.ipop.enterprises.Enterprises;
import org.ipop.kernel.TenantId;
import org.ipop.library.DemoLibrarySeeded;
import org.ipop.library.MatchablePatent;
import org.ipop.library.ResourceLibrary;
import org.ipop.matching.CampaignInput;
import org.ipop.matching.CampaignView;
import org.ipop.matching.Matching;
import org.ipop.matching.engine.IndustryBridge;
import org.ipop.reference.IndustryClass;
import org.ipop.reference.ReferenceData;
import org.ipop.reference.Region;
import org.ipop.tenancy.TenantDescriptor;
import org.ipop.tenancy.TenantWork;
import org.ipop.tenancy.Tenants;

/**
 * Demo enterprises, a demand and a pushed campaign for {@code ./ipop run}, built once a tenant's demo library is in
 * place ({@link DemoLibrarySeeded}): for each SEI branch of the library's admitted patents, a few enterprises in
 * the tenant's real districts, registered in that branch with a GB/T 4754-2017 class bridged to it, whose products
 * are named after real patent titles of the branch. The tenant's demo enterprise user maintains the first of them
 * and has posted a demand; an operator's campaign has been run and pushed, so the inbox and the funnel have content.
 * Names and credit codes are made up (valid check characters); everything else comes from the real tables.
 */
@ApplicationScoped
public class MatchingDemoData {

    private static final Logger LOG = Logger.getLogger(MatchingDemoData.class.getName());
    private static final String[] SUFFIXES = {"科技有限公司", "股份有限公司", "技术有限公司", "实业有限公司"};
    private static final String[] BRANDS = {"华创", "鑫源", "博远", "睿达", "恒通", "科朗", "启明", "中研", "长江",
        "楚天", "光谷", "正泰", "瑞丰", "天工", "新锐", "东湖", "精诚", "宏图", "远航", "卓越"};
    private static final int PER_BRANCH = 4;

    private final Tenants tenants;
    private final TenantWork work;
    private final ResourceLibrary library;
    private final Enterprises enterprises;
    private final Matching matching;

    @Inject
    public MatchingDemoData(Tenants tenants, TenantWork work, ResourceLibrary library, Enterprises enterprises,
            Matching matching) {
        this.tenants = tenants;
        this.work = work;
        this.library = library;
        this.enterprises = enterprises;
        this.matching = matching;
    }

    /** For CDI's client proxy only. */
    protected MatchingDemoData() {
        this(null, null, null, null, null);
    }

    void seed(@Observes DemoLibrarySeeded seeded) {
        TenantId id = TenantId.of(seeded.tenantId());
        TenantDescriptor tenant = tenants.require(id);
        if (!tenant.enabledModules().contains("matching")) {
            return;
        }
        try {
            seed(tenant);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Matching demo data for tenant " + id + " failed", e);
        }
    }

    private void seed(TenantDescriptor tenant) {
        TenantId id = tenant.id();
        Map<String, List<MatchablePatent>> byBranch = new LinkedHashMap<>();
        library.forEachMatchable(id, patent -> patent.segments().stream()
                .filter(segment -> segment.catalog().equals("SEI_2021")).findFirst()
                .ifPresent(segment -> byBranch.computeIfAbsent(segment.code(), key -> new ArrayList<>()).add(patent)));
        List<Region> districts = ReferenceData.get().regionsWithin(tenant.regionCode()).stream()
                .filter(region -> !region.level().equals("province") && !region.level().equals("prefecture")
                        && !region.name().contains("市辖区")).toList();
        List<EnterpriseProfile> profiles = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<MatchablePatent>> branch : byBranch.entrySet()) {
            String industryClass = classBridgedTo(branch.getKey());
            for (int i = 0; i < PER_BRANCH && i < branch.getValue().size(); i++) {
                MatchablePatent inspiration = branch.getValue().get(i);
                Region region = districts.get((n * 7) % districts.size());
                String product = inspiration.title().replace("一种", "").replaceAll("及其.*$", "");
                String city = ReferenceData.get().region(region.code().substring(0, 4) + "00").map(Region::name)
                        .orElse(region.name()).replaceAll("(市|地区|自治州)$", "");
                profiles.add(new EnterpriseProfile(creditCode(region.code(), n),
                        city + BRANDS[n % BRANDS.length] + shortName(branch.getKey()) + SUFFIXES[n % SUFFIXES.length],
                        region.code(), industryClass == null ? List.of("C") : List.of(industryClass),
                        List.of(branch.getKey()), n % 3 == 0 ? "MEDIUM" : "SMALL",
                        n % 4 == 0 ? List.of("SPECIALIZED_SME") : n % 4 == 1 ? List.of("HIGH_TECH") : List.of(),
                        product + "的研发、生产与销售", "专注于" + ReferenceData.get().industryBranch(branch.getKey())
                                .map(b -> b.name()).orElse("") + "相关产品", List.of(product), List.of(),
                        "王经理", "027-8700 0" + String.format("%03d", n)));
                n++;
            }
        }
        if (profiles.isEmpty()) {
            return;
        }
        String operator = id.value() + "-operator";
        String enterpriseUser = id.value() + "-enterprise";
        String campaignId = work.as(id, () -> {
            for (EnterpriseProfile profile : profiles) {
                enterprises.save(profile, operator);
            }
            enterprises.addMember(profiles.getFirst().creditCode(), enterpriseUser, operator);
            enterprises.postDemand(enterpriseUser, new DemandInput("寻求" + profiles.getFirst().products()
                    .replace("的研发、生产与销售", "") + "相关专利技术", "希望引进高校成熟专利技术，提升产品性能、降低生产成本，可接受许可或转让。",
                    profiles.getFirst().branches().getFirst(), 20, 100, List.of("LICENCE", "TRANSFER"), null));
            CampaignView campaign = matching.create(new CampaignInput("示范推送：本中心全部企业", List.of(), List.of(),
                    List.of(), 10, CampaignInput.LIBRARY, null), operator);
            matching.run(campaign.id(), operator);
            // And one waiting for its time: the first of next month, 9:00 Beijing time, for the first branch.
            String firstOfNextMonth = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(1)
                    .withDayOfMonth(1) + "T09:00";
            String branch = profiles.getFirst().branches().getFirst();
            matching.create(new CampaignInput("示范计划：下月初推送「" + ReferenceData.get()
                    .industryBranch(branch).map(b -> b.name()).orElse(branch) + "」领域企业", List.of(branch),
                    List.of(), List.of(), 20, CampaignInput.LIBRARY, firstOfNextMonth), operator);
            return campaign.id();
        });
        // The run is in the background: push once it is ready.
        for (int attempt = 0; attempt < 600; attempt++) {
            String status = work.as(id, () -> matching.campaign(campaignId).status());
            if (status.equals("READY")) {
                work.as(id, () -> matching.push(campaignId, operator));
                break;
            }
            if (status.equals("FAILED")) {
                break;
            }
            sleep();
        }
        LOG.info(() -> "Matching demo data for tenant " + id + ": " + profiles.size() + " enterprises, "
                + enterpriseUser + " maintains " + profiles.getFirst().name());
    }

    /** 智能制造装备产业 → 智能制造装备, 生物质能及其他新能源产业 → 生物质能. */
    private static String shortName(String branch) {
        String name = ReferenceData.get().industryBranch(branch).map(b -> b.name()).orElse("");
        name = name.replaceAll("(相关服务业|产业|服务业)$", "");
        for (String cut : List.of("及", "、", "，")) {
            int at = name.indexOf(cut);
            if (at > 1) {
                name = name.substring(0, at);
            }
        }
        return name.length() > 6 ? name.substring(0, 6) : name;
    }

    /** A GB/T 4754 class whose name the branch's concordance keywords contain (see {@link IndustryBridge}). */
    private static String classBridgedTo(String branch) {
        for (IndustryClass industryClass : ReferenceData.get().industryClasses()) {
            if (industryClass.level() == 4
                    && IndustryBridge.standard().branchesOf(industryClass.code()).contains(branch)) {
                return industryClass.code();
            }
        }
        return null;
    }

    /** A made-up but valid credit code: 91 (an enterprise), the district, MA4 and a serial, and its check. */
    static String creditCode(String regionCode, int n) {
        String first17 = "91" + regionCode + "MA4" + String.format("%06d", n);
        return first17 + CreditCodes.checkCharacter(first17);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
