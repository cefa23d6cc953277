package org.ipop.library.valuation;

import static org.ipop.library.valuation.JsonConfig.child;
import static org.ipop.library.valuation.JsonConfig.object;
import static org.ipop.library.valuation.JsonConfig.refuseUnknownFields;
import static org.ipop.library.valuation.JsonConfig.refused;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One tenant's valuation settings: the weights of every scenario and the tier policy. They come from the
 * {@code resource-library} section of the tenant's descriptor ({@code moduleSettings}); what the tenant does not set
 * keeps the defaults. Shape (every field optional; {@code {}} means the defaults):
 * <pre>
 * {"valuationWeights": {
 *    "LICENSING_TRANSFER": {"dimensions": {"technical": 0.45}, "indicators": {"economic": {"licences": 0.4}}},
 *    "FINANCE": {"dimensions": {"legal": 0.5, "technical": 0.15, "economic": 0.35}}},
 *  "tierPolicy": {"tiers": [ … ], "defaultTier": { … }}}
 * </pre>
 * Each entry of {@code valuationWeights} is keyed by its scenario and otherwise has the shape of
 * {@link ValuationWeights#fromJson} (merged onto that scenario's defaults); {@code tierPolicy} has the shape of
 * {@link TierPolicy#fromJson} and replaces the default policy as a whole.
 *
 * @param weights the weights of every scenario, configured or default
 */
public record ValuationSettings(Map<ValuationScenario, ValuationWeights> weights, TierPolicy tierPolicy) {

    private static final List<String> FIELDS = List.of("valuationWeights", "tierPolicy");

    public ValuationSettings {
        Objects.requireNonNull(tierPolicy, "tierPolicy");
        Map<ValuationScenario, ValuationWeights> complete = new EnumMap<>(ValuationScenario.class);
        for (ValuationScenario scenario : ValuationScenario.values()) {
            ValuationWeights given = weights.get(scenario);
            if (given != null && given.scenario() != scenario) {
                throw new IllegalArgumentException("weights of " + given.scenario() + " given for " + scenario);
            }
            complete.put(scenario, given == null ? ValuationWeights.defaults(scenario) : given);
        }
        weights = Collections.unmodifiableMap(complete);
    }

    /** The documented defaults: {@link ValuationWeights#defaults} for every scenario, {@link TierPolicy#defaults}. */
    public static ValuationSettings defaults() {
        return new ValuationSettings(Map.of(), TierPolicy.defaults());
    }

    /**
     * Reads a tenant's section.
     *
     * @throws IllegalArgumentException at the first problem, its message starting with the path of the field
     *                                  within the section, such as {@code tierPolicy.tiers[0].minScore: must be
     *                                  between 0 and 100} or {@code valuationWeights.FINANCE.dimensions.legal:
     *                                  must be a number}
     */
    public static ValuationSettings fromJson(JsonObject json) {
        refuseUnknownFields(json, "", FIELDS);
        Map<ValuationScenario, ValuationWeights> weights = new EnumMap<>(ValuationScenario.class);
        object(json, "", "valuationWeights").ifPresent(byScenario -> {
            for (Map.Entry<String, JsonValue> entry : byScenario.entrySet()) {
                String path = child("valuationWeights", entry.getKey());
                ValuationScenario scenario = scenario(entry.getKey(), path);
                if (weights.containsKey(scenario)) {
                    throw refused(path, "the weights of " + scenario + " are given twice");
                }
                JsonObject overrides = object(byScenario, "valuationWeights", entry.getKey())
                        .orElse(JsonValue.EMPTY_JSON_OBJECT);
                if (overrides.containsKey("scenario")) {
                    throw refused(child(path, "scenario"), "unknown field: the key (" + entry.getKey()
                            + ") names the scenario");
                }
                try {
                    weights.put(scenario, ValuationWeights.fromJson(Json.createObjectBuilder(overrides)
                            .add("scenario", scenario.name()).build()));
                } catch (IllegalArgumentException refusal) {
                    throw within(path, refusal);
                }
            }
        });
        TierPolicy tierPolicy = object(json, "", "tierPolicy").map(policy -> {
            try {
                return TierPolicy.fromJson(policy);
            } catch (IllegalArgumentException refusal) {
                throw within("tierPolicy", refusal);
            }
        }).orElseGet(TierPolicy::defaults);
        return new ValuationSettings(weights, tierPolicy);
    }

    public ValuationWeights weights(ValuationScenario scenario) {
        return weights.get(scenario);
    }

    private static ValuationScenario scenario(String key, String path) {
        try {
            return ValuationScenario.valueOf(key.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw refused(path, "unknown scenario (known: " + String.join(", ",
                    Arrays.stream(ValuationScenario.values()).map(Enum::name).toList()) + ")");
        }
    }

    /** The refusal of a nested part, with the part's path put in front of the field it names. */
    private static IllegalArgumentException within(String path, IllegalArgumentException refusal) {
        return new IllegalArgumentException(child(path, refusal.getMessage()), refusal);
    }
}
