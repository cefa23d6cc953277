package org.ipop.library.valuation;

import static org.ipop.library.valuation.JsonConfig.array;
import static org.ipop.library.valuation.JsonConfig.child;
import static org.ipop.library.valuation.JsonConfig.integer;
import static org.ipop.library.valuation.JsonConfig.number;
import static org.ipop.library.valuation.JsonConfig.object;
import static org.ipop.library.valuation.JsonConfig.refuseUnknownFields;
import static org.ipop.library.valuation.JsonConfig.refused;
import static org.ipop.library.valuation.JsonConfig.required;
import static org.ipop.library.valuation.JsonConfig.text;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ipop.library.ScreeningStatus;

/**
 * How a tenant tiers its library (分层推广). No official tier criteria exist, so each operation centre configures
 * its own: an ordered list of tiers, each with conditions on the value score, the screening outcome and the
 * enterprises' interest; the first tier whose conditions all hold wins, and the default tier takes the rest.
 *
 * <p>Screening outcomes are the names of {@link ScreeningStatus}: {@code ADMITTED} (已入库), {@code FLAGGED_UNCLEAR}
 * (an operator flagged 产业化前景不明), {@code REJECTED} (未通过), and the states before review.
 */
public record TierPolicy(List<TierRule> tiers, Tier defaultTier) {

    /** Admitted to the convertible library (已入库). */
    public static final String ADMITTED = ScreeningStatus.ADMITTED.name();
    /** Rejected in review (未通过). */
    public static final String REJECTED = ScreeningStatus.REJECTED.name();
    /** Flagged by an operator as having unclear industrial prospects (产业化前景不明): {@code FLAGGED_UNCLEAR}. */
    public static final String UNCLEAR_PROSPECTS = ScreeningStatus.FLAGGED_UNCLEAR.name();

    public TierPolicy {
        tiers = List.copyOf(tiers);
        Objects.requireNonNull(defaultTier, "defaultTier");
        if (tiers.isEmpty()) {
            throw refused("tiers", "list at least one tier (with only the default there is nothing to tier)");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            if (!codes.add(tiers.get(i).tier().code())) {
                throw refused("tiers[" + i + "].code", "duplicate tier code '" + tiers.get(i).tier().code() + "'");
            }
        }
        if (codes.contains(defaultTier.code())) {
            throw refused("defaultTier.code", "duplicate tier code '" + defaultTier.code() + "'");
        }
    }

    /**
     * A 重点推广 (score ≥ 70 and admitted), B 常规推广 (score ≥ 50 and admitted), D 前景不明 (flagged
     * 产业化前景不明, or rejected), and C 待评估 for the rest: admitted patents below 50 and patents not yet reviewed.
     */
    public static TierPolicy defaults() {
        return new TierPolicy(List.of(
                new TierRule(new Tier("A", "重点推广", "Priority promotion"), 70, List.of(ADMITTED), 0),
                new TierRule(new Tier("B", "常规推广", "Regular promotion"), 50, List.of(ADMITTED), 0),
                new TierRule(new Tier("D", "前景不明", "Unclear prospects"), 0, List.of(UNCLEAR_PROSPECTS, REJECTED),
                        0)),
                new Tier("C", "待评估", "To be evaluated"));
    }

    /**
     * A tenant's policy. It replaces the defaults as a whole — tiers are an ordered list, and merging two lists
     * would leave the order to guess. Shape:
     * <pre>
     * {"tiers": [
     *    {"code": "A", "names": {"zh": "重点推广", "en": "Priority promotion"},
     *     "minScore": 70, "screeningOutcomes": ["ADMITTED"], "minInterested": 2},
     *    …],
     *  "defaultTier": {"code": "C", "names": {"zh": "待评估", "en": "To be evaluated"}}}
     * </pre>
     *
     * @throws IllegalArgumentException naming the field, such as {@code tiers[1].minScore: must be between 0 and
     *                                  100}
     */
    public static TierPolicy fromJson(JsonObject json) {
        refuseUnknownFields(json, "", List.of("tiers", "defaultTier"));
        JsonArray array = required(array(json, "", "tiers"), "", "tiers");
        List<TierRule> tiers = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "tiers[" + i + "]";
            if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw refused(path, "must be an object");
            }
            tiers.add(rule(array.getJsonObject(i), path));
        }
        JsonObject defaultTier = required(object(json, "", "defaultTier"), "", "defaultTier");
        refuseUnknownFields(defaultTier, "defaultTier", List.of("code", "names"));
        return new TierPolicy(tiers, tier(defaultTier, "defaultTier"));
    }

    /** The first tier whose conditions hold, or the default tier. */
    public TierAssignment tierOf(ValueScore score, String screeningOutcome, int interestedCount) {
        for (TierRule rule : tiers) {
            Optional<TierAssignment> assignment = rule.assign(score.total(), screeningOutcome, interestedCount);
            if (assignment.isPresent()) {
                return assignment.get();
            }
        }
        List<String> codes = tiers.stream().map(rule -> rule.tier().code()).toList();
        return new TierAssignment(defaultTier, "未满足任一层级（" + String.join("、", codes) + "）的条件，归入默认层级",
                "no conditions of tiers " + String.join(", ", codes) + " held: default tier");
    }

    /** The tier for the screening outcome and feedback the valuation was made with. */
    public TierAssignment tierOf(ValueScore score, ValuationInputs inputs) {
        return tierOf(score, inputs.screeningOutcome(), inputs.interestedCount());
    }

    private static TierRule rule(JsonObject json, String path) {
        refuseUnknownFields(json, path, List.of("code", "names", "minScore", "screeningOutcomes", "minInterested"));
        Tier tier = tier(json, path);
        double minScore = number(json, path, "minScore").orElse(0.0);
        int minInterested = integer(json, path, "minInterested").orElse(0);
        List<String> outcomes = new ArrayList<>();
        JsonArray listed = array(json, path, "screeningOutcomes").orElse(JsonValue.EMPTY_JSON_ARRAY);
        for (int i = 0; i < listed.size(); i++) {
            if (!(listed.get(i) instanceof JsonString outcome)) {
                throw refused(child(path, "screeningOutcomes[" + i + "]"), "must be a non-empty string");
            }
            outcomes.add(outcome.getString());
        }
        TierRule.validate(path, minScore, outcomes, minInterested);
        return new TierRule(tier, minScore, outcomes, minInterested);
    }

    private static Tier tier(JsonObject json, String path) {
        String code = required(text(json, path, "code"), path, "code");
        JsonObject names = required(object(json, path, "names"), path, "names");
        String namesPath = child(path, "names");
        refuseUnknownFields(names, namesPath, List.of("zh", "en"));
        return new Tier(code, required(text(names, namesPath, "zh"), namesPath, "zh"),
                required(text(names, namesPath, "en"), namesPath, "en"));
    }
}
