package org.ipop.library.valuation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ipop.library.PatentRecord;

/**
 * Scores a patent along the legal, technical and economic dimensions of GB/T 42748-2023 《专利评估指引》, from
 * the data the platform holds. It is an indicative score for ranking and tiering a library (分层推广), not an
 * appraisal in money: the platform has no market data (sales, royalties, comparable deals) to estimate a price.
 *
 * <p>Each {@link ValueIndicator} reads the patent (formulas in docs/valuation.md and in
 * {@code IndicatorFormulas}) and scores 0–100; a dimension's score is the weighted mean of its indicators; the total
 * is the weighted mean of the dimensions, that is the sum of every indicator's contribution
 * {@code dimension weight × indicator weight × indicator score}.
 */
public final class PatentValuation {

    public ValueScore score(PatentRecord patent, ValuationInputs inputs, ValuationWeights weights) {
        IndicatorFormulas formulas = new IndicatorFormulas(patent, inputs);
        List<ValueScore.Indicator> indicators = new ArrayList<>();
        Map<ValueDimension, Double> dimensions = new EnumMap<>(ValueDimension.class);
        double total = 0;
        for (ValueIndicator indicator : ValueIndicator.values()) {
            IndicatorFormulas.Reading reading = formulas.read(indicator);
            // The rounded score is the one shown, so the contribution is computed from it: a user can redo the sum.
            double score = oneDecimal(reading.score());
            double weight = weights.weight(indicator);
            double contribution = weights.weight(indicator.dimension()) * weight * score;
            indicators.add(new ValueScore.Indicator(indicator.dimension(), indicator.code(), indicator.nameZh(),
                    indicator.nameEn(), reading.rawInput(), score, weight, contribution));
            dimensions.merge(indicator.dimension(), weight * score, Double::sum);
            total += contribution;
        }
        return new ValueScore(oneDecimal(total), oneDecimal(dimensions.get(ValueDimension.LEGAL)),
                oneDecimal(dimensions.get(ValueDimension.TECHNICAL)),
                oneDecimal(dimensions.get(ValueDimension.ECONOMIC)), indicators, weights);
    }

    /** Rounds half up to one decimal, clamped to 0–100 against floating-point sums such as 100.00000000000001. */
    private static double oneDecimal(double score) {
        return Math.clamp(Math.round(score * 10) / 10.0, 0, 100);
    }
}
