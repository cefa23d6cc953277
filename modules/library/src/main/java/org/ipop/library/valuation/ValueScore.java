package org.ipop.library.valuation;

import java.util.List;
import java.util.Objects;

/**
 * A patent's value score with everything needed to explain it: the total, the score of each dimension, and every
 * indicator with the input it read, the score it gave, its weight and what it added to the total.
 *
 * <p>The total is the sum of the indicators' contributions, rounded to one decimal; a dimension's score is the
 * weighted mean of its indicators' scores. All scores are between 0 and 100.
 *
 * @param total      0–100, one decimal
 * @param legal      法律价值, 0–100, one decimal
 * @param technical  技术价值, 0–100, one decimal
 * @param economic   经济价值, 0–100, one decimal
 * @param indicators every indicator, in the order of {@link ValueIndicator}
 * @param weights    the weights used, and through them the scenario
 */
public record ValueScore(
        double total,
        double legal,
        double technical,
        double economic,
        List<Indicator> indicators,
        ValuationWeights weights) {

    /**
     * One indicator of the breakdown.
     *
     * @param code         the indicator's {@link ValueIndicator#code()}, such as {@code remainingTerm}
     * @param rawInput     what the indicator read, in words, such as {@code 剩余保护期 14.2 年（至 2039-11-02）}
     * @param score        0–100, one decimal
     * @param weight       the indicator's weight within its dimension (the dimension's weights sum to 1)
     * @param contribution what the indicator adds to the total: dimension weight × weight × score, unrounded so
     *                     that the contributions add up to the total
     */
    public record Indicator(
            ValueDimension dimension,
            String code,
            String nameZh,
            String nameEn,
            String rawInput,
            double score,
            double weight,
            double contribution) {
    }

    public ValueScore {
        indicators = List.copyOf(indicators);
        Objects.requireNonNull(weights, "weights");
    }

    public ValuationScenario scenario() {
        return weights.scenario();
    }

    public double dimension(ValueDimension dimension) {
        return switch (dimension) {
            case LEGAL -> legal;
            case TECHNICAL -> technical;
            case ECONOMIC -> economic;
        };
    }

    public Indicator indicator(ValueIndicator indicator) {
        return indicators.stream().filter(i -> i.code().equals(indicator.code())).findFirst().orElseThrow();
    }
}
