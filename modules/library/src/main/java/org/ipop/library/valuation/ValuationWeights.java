package org.ipop.library.valuation;

import static org.ipop.library.valuation.JsonConfig.number;
import static org.ipop.library.valuation.JsonConfig.object;
import static org.ipop.library.valuation.JsonConfig.refuseUnknownFields;
import static org.ipop.library.valuation.JsonConfig.refused;
import static org.ipop.library.valuation.JsonConfig.required;
import static org.ipop.library.valuation.JsonConfig.text;
import static org.ipop.library.valuation.ValueIndicator.APPLICANT_TYPE;
import static org.ipop.library.valuation.ValueIndicator.CLAIM_BREADTH;
import static org.ipop.library.valuation.ValueIndicator.ENTERPRISE_FEEDBACK;
import static org.ipop.library.valuation.ValueIndicator.FAMILY_SIZE;
import static org.ipop.library.valuation.ValueIndicator.FORWARD_CITATIONS;
import static org.ipop.library.valuation.ValueIndicator.GOVERNMENT_FUNDING;
import static org.ipop.library.valuation.ValueIndicator.INVALIDATION_HISTORY;
import static org.ipop.library.valuation.ValueIndicator.IPC_BREADTH;
import static org.ipop.library.valuation.ValueIndicator.LEGAL_STATUS;
import static org.ipop.library.valuation.ValueIndicator.LICENCES;
import static org.ipop.library.valuation.ValueIndicator.PATENT_TYPE;
import static org.ipop.library.valuation.ValueIndicator.PLEDGES;
import static org.ipop.library.valuation.ValueIndicator.REMAINING_TERM;
import static org.ipop.library.valuation.ValueIndicator.TRANSFERS;

import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The weights of one valuation: how much each {@link ValueDimension} counts in the total, and how much each
 * {@link ValueIndicator} counts within its dimension. Weights are relative: the constructor divides every group by
 * its sum, so the dimension weights sum to 1 and the indicator weights of each dimension sum to 1. A weight may be
 * 0 (the indicator is switched off) but not negative, and a group may not be all 0 — there would be nothing to
 * divide by. Refusals are {@link IllegalArgumentException}s naming the field as in the JSON form, such as
 * {@code indicators.legal: all weights are 0}.
 *
 * @param dimensions every dimension's weight in the total
 * @param indicators every indicator's weight within its own dimension
 */
public record ValuationWeights(
        ValuationScenario scenario,
        Map<ValueDimension, Double> dimensions,
        Map<ValueIndicator, Double> indicators) {

    // Within LEGAL: status and remaining term say whether there is a right at all and for how long; type, claim
    // breadth and invalidation history say how solid and how wide it is.
    private static final Map<ValueIndicator, Double> LEGAL_STANDARD = Map.of(
            LEGAL_STATUS, 0.30, REMAINING_TERM, 0.25, PATENT_TYPE, 0.15, CLAIM_BREADTH, 0.15,
            INVALIDATION_HISTORY, 0.15);
    // A pledge must outlive the loan it secures: the term counts more, the (uncertain) breadth proxy less.
    private static final Map<ValueIndicator, Double> LEGAL_FINANCE = Map.of(
            LEGAL_STATUS, 0.30, REMAINING_TERM, 0.30, PATENT_TYPE, 0.15, CLAIM_BREADTH, 0.10,
            INVALIDATION_HISTORY, 0.15);
    // Citations are the best-established technical signal; funding is a weak one.
    private static final Map<ValueIndicator, Double> TECHNICAL_STANDARD = Map.of(
            IPC_BREADTH, 0.20, FORWARD_CITATIONS, 0.35, FAMILY_SIZE, 0.25, GOVERNMENT_FUNDING, 0.20);
    // A buyer or licensee looks at earlier licences and transfers and at enterprises' interest.
    private static final Map<ValueIndicator, Double> ECONOMIC_LICENSING = Map.of(
            TRANSFERS, 0.25, LICENCES, 0.30, PLEDGES, 0.10, ENTERPRISE_FEEDBACK, 0.25, APPLICANT_TYPE, 0.10);
    // A bank trusts collateral that other banks have already accepted.
    private static final Map<ValueIndicator, Double> ECONOMIC_FINANCE = Map.of(
            TRANSFERS, 0.20, LICENCES, 0.20, PLEDGES, 0.35, ENTERPRISE_FEEDBACK, 0.15, APPLICANT_TYPE, 0.10);
    private static final Map<ValueIndicator, Double> ECONOMIC_MANAGEMENT = Map.of(
            TRANSFERS, 0.25, LICENCES, 0.25, PLEDGES, 0.15, ENTERPRISE_FEEDBACK, 0.25, APPLICANT_TYPE, 0.10);

    public ValuationWeights {
        Objects.requireNonNull(scenario, "scenario");
        dimensions = normalised(dimensions, List.of(ValueDimension.values()), ValueDimension::code, "dimensions");
        Map<ValueIndicator, Double> withinDimensions = new EnumMap<>(ValueIndicator.class);
        for (ValueDimension dimension : ValueDimension.values()) {
            withinDimensions.putAll(normalised(indicators, ValueIndicator.of(dimension), ValueIndicator::code,
                    "indicators." + dimension.code()));
        }
        indicators = Collections.unmodifiableMap(withinDimensions);
    }

    /**
     * The default weights of a scenario:
     * <pre>
     *                      LEGAL  TECHNICAL  ECONOMIC
     * LICENSING_TRANSFER   0.30   0.35       0.35
     * FINANCE              0.45   0.20       0.35
     * MANAGEMENT           0.35   0.40       0.25
     * </pre>
     * Finance weighs the certainty of the right most (a bank must be able to enforce and sell its collateral);
     * licensing and transfer weigh what the buyer gets: the technology and the market's evidence; management — an
     * institution grading its own stock — weighs the technology, since most stock patents have no market history.
     * The indicator weights within each dimension are in the constants above and in docs/valuation.md.
     */
    public static ValuationWeights defaults(ValuationScenario scenario) {
        return switch (scenario) {
            case LICENSING_TRANSFER -> new ValuationWeights(scenario, dimensions(0.30, 0.35, 0.35),
                    indicators(LEGAL_STANDARD, TECHNICAL_STANDARD, ECONOMIC_LICENSING));
            case FINANCE -> new ValuationWeights(scenario, dimensions(0.45, 0.20, 0.35),
                    indicators(LEGAL_FINANCE, TECHNICAL_STANDARD, ECONOMIC_FINANCE));
            case MANAGEMENT -> new ValuationWeights(scenario, dimensions(0.35, 0.40, 0.25),
                    indicators(LEGAL_STANDARD, TECHNICAL_STANDARD, ECONOMIC_MANAGEMENT));
        };
    }

    /**
     * A tenant's weights for one scenario: the scenario's defaults with the given weights put in their place, then
     * every group renormalised. Shape (every part but {@code scenario} optional):
     * <pre>
     * {"scenario": "FINANCE",
     *  "dimensions": {"legal": 0.5, "technical": 0.2, "economic": 0.3},
     *  "indicators": {"economic": {"pledges": 0.5, "enterpriseFeedback": 0.1}}}
     * </pre>
     * A partial override of a group is read on the defaults' scale (fractions of 1); a complete one may use any
     * scale (percentages, points), since only the proportions matter.
     *
     * @throws IllegalArgumentException naming the field, for an unknown scenario, dimension, indicator or field,
     *                                  a value that is not a number, a negative weight, or a group of zeros
     */
    public static ValuationWeights fromJson(JsonObject json) {
        refuseUnknownFields(json, "", List.of("scenario", "dimensions", "indicators"));
        ValuationScenario scenario = scenario(required(text(json, "", "scenario"), "", "scenario"));
        ValuationWeights base = defaults(scenario);

        List<String> dimensionCodes = Arrays.stream(ValueDimension.values()).map(ValueDimension::code).toList();
        Map<ValueDimension, Double> dimensions = new EnumMap<>(base.dimensions);
        object(json, "", "dimensions").ifPresent(overrides -> {
            refuseUnknownFields(overrides, "dimensions", dimensionCodes);
            for (ValueDimension dimension : ValueDimension.values()) {
                number(overrides, "dimensions", dimension.code())
                        .ifPresent(weight -> dimensions.put(dimension, weight));
            }
        });

        Map<ValueIndicator, Double> indicators = new EnumMap<>(base.indicators);
        object(json, "", "indicators").ifPresent(byDimension -> {
            refuseUnknownFields(byDimension, "indicators", dimensionCodes);
            for (ValueDimension dimension : ValueDimension.values()) {
                String path = "indicators." + dimension.code();
                object(byDimension, "indicators", dimension.code()).ifPresent(overrides -> {
                    refuseUnknownFields(overrides, path,
                            ValueIndicator.of(dimension).stream().map(ValueIndicator::code).toList());
                    for (ValueIndicator indicator : ValueIndicator.of(dimension)) {
                        number(overrides, path, indicator.code())
                                .ifPresent(weight -> indicators.put(indicator, weight));
                    }
                });
            }
        });
        return new ValuationWeights(scenario, dimensions, indicators);
    }

    public double weight(ValueDimension dimension) {
        return dimensions.get(dimension);
    }

    /** The indicator's weight within its dimension. */
    public double weight(ValueIndicator indicator) {
        return indicators.get(indicator);
    }

    private static ValuationScenario scenario(String name) {
        try {
            return ValuationScenario.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw refused("scenario", "unknown scenario '" + name + "' (known: "
                    + String.join(", ", Arrays.stream(ValuationScenario.values()).map(Enum::name).toList()) + ")");
        }
    }

    private static Map<ValueDimension, Double> dimensions(double legal, double technical, double economic) {
        return Map.of(ValueDimension.LEGAL, legal, ValueDimension.TECHNICAL, technical,
                ValueDimension.ECONOMIC, economic);
    }

    private static Map<ValueIndicator, Double> indicators(Map<ValueIndicator, Double> legal,
            Map<ValueIndicator, Double> technical, Map<ValueIndicator, Double> economic) {
        Map<ValueIndicator, Double> merged = new EnumMap<>(ValueIndicator.class);
        merged.putAll(legal);
        merged.putAll(technical);
        merged.putAll(economic);
        return merged;
    }

    /** The weights of {@code keys}, divided by their sum; refuses a missing, negative or non-finite weight. */
    private static <K extends Enum<K>> Map<K, Double> normalised(Map<K, Double> weights, List<K> keys,
            Function<K, String> code, String path) {
        Objects.requireNonNull(weights, path);
        double sum = 0;
        for (K key : keys) {
            Double weight = weights.get(key);
            if (weight == null) {
                throw refused(path + "." + code.apply(key), "required");
            }
            if (!Double.isFinite(weight) || weight < 0) {
                throw refused(path + "." + code.apply(key), "must be a number ≥ 0, not " + weight);
            }
            sum += weight;
        }
        if (sum == 0) {
            throw refused(path, "all weights are 0; at least one must be positive");
        }
        Map<K, Double> result = new EnumMap<>(keys.getFirst().getDeclaringClass());
        for (K key : keys) {
            result.put(key, weights.get(key) / sum);
        }
        return Collections.unmodifiableMap(result);
    }
}
