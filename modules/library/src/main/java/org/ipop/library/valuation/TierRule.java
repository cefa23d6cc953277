package org.ipop.library.valuation;

import static org.ipop.library.valuation.JsonConfig.child;
import static org.ipop.library.valuation.JsonConfig.refused;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One tier of a {@link TierPolicy} with the conditions a patent must meet to fall in it. All conditions that are
 * set must hold; a condition left at its neutral value (0, empty) is not set. At least one must be set: the tier
 * for everything else is the policy's default tier.
 *
 * @param minScore          the lowest value score of the tier (0–100, inclusive); 0 sets no condition
 * @param screeningOutcomes the screening outcomes (筛选结果, names of {@link org.ipop.library.ScreeningStatus}) the
 *                          tier accepts, such as {@code ADMITTED}, compared without regard to case; empty accepts any
 *                          outcome, and none
 * @param minInterested     the fewest enterprises that must have answered "interested"; 0 sets no condition
 */
public record TierRule(Tier tier, double minScore, List<String> screeningOutcomes, int minInterested) {

    public TierRule {
        Objects.requireNonNull(tier, "tier");
        validate("", minScore, screeningOutcomes, minInterested);
        screeningOutcomes = screeningOutcomes.stream().map(TierRule::normalised).distinct().toList();
    }

    /**
     * Refuses conditions that cannot be meant, naming the field under {@code path} (empty for a rule built in
     * code, {@code tiers[1]} for one read from JSON).
     */
    static void validate(String path, double minScore, List<String> screeningOutcomes, int minInterested) {
        if (!(minScore >= 0 && minScore <= 100)) {
            throw refused(child(path, "minScore"), "must be between 0 and 100");
        }
        if (minInterested < 0) {
            throw refused(child(path, "minInterested"), "must be ≥ 0");
        }
        for (int i = 0; i < screeningOutcomes.size(); i++) {
            String outcome = screeningOutcomes.get(i);
            if (outcome == null || outcome.isBlank()) {
                throw refused(child(path, "screeningOutcomes[" + i + "]"), "must be a non-empty string");
            }
        }
        if (minScore == 0 && screeningOutcomes.isEmpty() && minInterested == 0) {
            throw refused(path.isEmpty() ? "conditions" : path, "set at least one of minScore, screeningOutcomes, "
                    + "minInterested (the tier for everything else is the defaultTier)");
        }
    }

    /** The tier with the conditions that put the patent in it, if every condition holds. */
    Optional<TierAssignment> assign(double score, String screeningOutcome, int interestedCount) {
        String outcome = screeningOutcome == null || screeningOutcome.isBlank() ? null : normalised(screeningOutcome);
        boolean holds = score >= minScore
                && (screeningOutcomes.isEmpty() || screeningOutcomes.contains(outcome))
                && interestedCount >= minInterested;
        if (!holds) {
            return Optional.empty();
        }
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (minScore > 0) {
            zh.add("价值分 " + score + " ≥ " + format(minScore));
            en.add("value score " + score + " ≥ " + format(minScore));
        }
        if (!screeningOutcomes.isEmpty()) {
            String accepted = String.join(", ", screeningOutcomes);
            zh.add("筛选结果 " + outcome + "（本层接受 " + accepted + "）");
            en.add("screening outcome " + outcome + " (tier accepts " + accepted + ")");
        }
        if (minInterested > 0) {
            zh.add("感兴趣企业 " + interestedCount + " 家 ≥ " + minInterested);
            en.add(interestedCount + " interested enterprises ≥ " + minInterested);
        }
        return Optional.of(new TierAssignment(tier, String.join("；", zh), String.join("; ", en)));
    }

    private static String normalised(String outcome) {
        return outcome.strip().toUpperCase(Locale.ROOT);
    }

    /** 70.0 as 70, 72.5 as 72.5. */
    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
