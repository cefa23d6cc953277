package org.ipop.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipop.reference.IndustryBranch;
import org.ipop.reference.IndustryClass;
import org.ipop.reference.ReferenceData;

/**
 * Which strategic-emerging-industry branches an enterprise's GB/T 4754-2017 industry classes point to. There is no
 * official table in the platform's data, so the bridge is built from the concordance's own words: the SEI 2021
 * table's keyword phrases are largely the product and service names of the national industry classification
 * (锂离子电池制造, 计算机和辅助设备修理…). A class is bridged to a branch when the class name — without a generic
 * ending such as 制造 or 服务, and at least three characters long — occurs in one of the branch's keyword phrases or
 * in its name. A group or division code bridges to what its classes bridge to. Documented in docs/matching.md.
 */
public final class IndustryBridge {

    private static final List<String> GENERIC_ENDINGS = List.of("制造", "服务", "业", "活动");
    private static final IndustryBridge STANDARD = new IndustryBridge(ReferenceData.get());

    private final Map<String, List<String>> branchesByClass = new HashMap<>();
    private final ReferenceData reference;

    IndustryBridge(ReferenceData reference) {
        this.reference = reference;
        for (IndustryClass industryClass : reference.industryClasses()) {
            if (industryClass.level() != 4) {
                continue;
            }
            String stem = stem(industryClass.name());
            if (stem.length() < 3) {
                continue;
            }
            List<String> branches = new ArrayList<>();
            for (IndustryBranch branch : reference.industryBranches()) {
                if (branch.name().contains(stem) || branch.keywords().stream().anyMatch(k -> k.contains(stem))) {
                    branches.add(branch.code());
                }
            }
            if (!branches.isEmpty()) {
                branchesByClass.put(industryClass.code(), List.copyOf(branches));
            }
        }
    }

    public static IndustryBridge standard() {
        return STANDARD;
    }

    /** The SEI branches a GB/T 4754 code (any level) points to; empty if none. */
    public List<String> branchesOf(String industryCode) {
        List<String> direct = branchesByClass.get(industryCode);
        if (direct != null) {
            return direct;
        }
        Optional<IndustryClass> known = reference.industryClass(industryCode);
        if (known.isEmpty() || known.get().level() == 4) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        branchesByClass.forEach((code, branches) -> {
            if (code.startsWith(industryCode)) {
                branches.stream().filter(branch -> !result.contains(branch)).forEach(result::add);
            }
        });
        return result;
    }

    /** How many 4-digit classes have a bridge (for the documentation). */
    public int bridgedClasses() {
        return branchesByClass.size();
    }

    static String stem(String name) {
        String stem = name.replaceAll("[（(].*?[）)]", "").replace("其他", "");
        for (String ending : GENERIC_ENDINGS) {
            if (stem.endsWith(ending) && stem.length() - ending.length() >= 3) {
                stem = stem.substring(0, stem.length() - ending.length());
            }
        }
        return stem;
    }
}
