package org.ipop.matching.engine;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ipop.enterprises.DemandView;
import org.ipop.enterprises.EnterpriseView;

/**
 * An enterprise as the engine sees it: the SEI branches that link it to patents (and how each was found), the IPC
 * subclasses of its own patents, the terms of its products, description, keywords and open demands, its region
 * and whether it holds a recognition, and the patents it must not be offered again.
 *
 * @param segments   SEI 2021 branch code → how the enterprise belongs to it
 * @param excluded   patents it rejected (or was already offered)
 * @param feedback   per SEI branch, how many pushed patents it found interesting minus how many not relevant
 */
public record EnterpriseQuery(String id, String name, Map<String, BranchLink> segments, Set<String> ipcSubclasses,
        Map<String, Integer> terms, String provinceCode, boolean recognised, Set<String> excluded,
        Map<String, Integer> feedback) {

    public EnterpriseQuery {
        segments = Map.copyOf(segments);
        ipcSubclasses = Set.copyOf(ipcSubclasses);
        terms = Map.copyOf(terms);
        excluded = Set.copyOf(excluded);
        feedback = Map.copyOf(feedback);
    }

    /**
     * How an enterprise belongs to an SEI branch, which sets how strongly the branch links it to the branch's
     * patents: registered by the enterprise itself (1.0), or inferred from its industry classes or a demand (0.75).
     *
     * @param reason what the explanation of a match says about the link
     */
    public record BranchLink(boolean registered, String reason) {

        static final double REGISTERED_STRENGTH = 1.0;
        static final double INFERRED_STRENGTH = 0.75;

        public static BranchLink registeredByEnterprise() {
            return new BranchLink(true, "企业登记的细分领域");
        }

        public static BranchLink inferred(String reason) {
            return new BranchLink(false, reason);
        }

        double strength() {
            return registered ? REGISTERED_STRENGTH : INFERRED_STRENGTH;
        }
    }

    /** Without feedback yet. */
    public EnterpriseQuery(String id, String name, Map<String, BranchLink> segments, Set<String> ipcSubclasses,
            Map<String, Integer> terms, String provinceCode, boolean recognised, Set<String> excluded) {
        this(id, name, segments, ipcSubclasses, terms, provinceCode, recognised, excluded, Map.of());
    }

    /** The same enterprise with its answers so far: SEI branch → interested minus not relevant. */
    public EnterpriseQuery withFeedback(Map<String, Integer> bySegment) {
        return new EnterpriseQuery(id, name, segments, ipcSubclasses, terms, provinceCode, recognised, excluded,
                bySegment);
    }

    /** The same enterprise, not to be offered these patents either. */
    public EnterpriseQuery alsoExcluding(Collection<String> patents) {
        if (excluded.containsAll(patents)) {
            return this;
        }
        Set<String> all = new HashSet<>(excluded);
        all.addAll(patents);
        return new EnterpriseQuery(id, name, segments, ipcSubclasses, terms, provinceCode, recognised, all, feedback);
    }

    /** Builds the query of a registered enterprise, bridging its industry classes to segments. */
    public static EnterpriseQuery of(EnterpriseView enterprise, List<DemandView> openDemands, Set<String> excluded,
            IndustryBridge bridge) {
        Map<String, BranchLink> segments = new LinkedHashMap<>();
        for (EnterpriseView.CodeName industry : enterprise.industryClasses()) {
            for (String branch : bridge.branchesOf(industry.code())) {
                segments.putIfAbsent(branch, BranchLink.inferred("由行业分类 " + industry.code() + " "
                        + (industry.name() == null ? "" : industry.name()) + " 推断"));
            }
        }
        for (String branch : enterprise.profile().branches()) {
            segments.put(branch, BranchLink.registeredByEnterprise());
        }
        StringBuilder text = new StringBuilder();
        text.append(enterprise.profile().products()).append('\n').append(enterprise.profile().description())
                .append('\n').append(String.join("\n", enterprise.profile().keywords()));
        for (DemandView demand : openDemands) {
            text.append('\n').append(demand.title()).append('\n').append(demand.problem());
            if (demand.segment() != null) {
                segments.putIfAbsent(demand.segment(),
                        BranchLink.inferred("技术需求「" + demand.title() + "」所属领域"));
            }
        }
        Set<String> subclasses = new java.util.LinkedHashSet<>();
        for (String ipc : enterprise.profile().ipcCodes()) {
            if (ipc.length() >= 4) {
                subclasses.add(ipc.substring(0, 4));
            }
        }
        String region = enterprise.profile().regionCode();
        return new EnterpriseQuery(enterprise.creditCode(), enterprise.profile().name(), segments, subclasses,
                Terms.of(text.toString()), region == null || region.length() < 2 ? null
                        : region.substring(0, 2) + "0000",
                !enterprise.profile().recognitions().isEmpty(), excluded);
    }

    /** A query from text alone (a need in words, no profile): used by the relevance evaluation. */
    public static EnterpriseQuery ofText(String id, String text, Set<String> excluded) {
        return new EnterpriseQuery(id, id, Map.of(), Set.of(), Terms.of(text), null, false, excluded);
    }
}
