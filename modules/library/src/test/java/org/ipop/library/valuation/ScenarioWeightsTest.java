package org.ipop.library.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.ipop.library.PatentRecord;
import org.junit.jupiter.api.Test;

/**
 * An indicator moves the total by (dimension weight × indicator weight × change of its score), so the scenario
 * that gives an indicator the larger product must reward it more. These tests compare such gains between two
 * otherwise equal patents; comparing totals across scenarios would depend on the patent.
 */
class ScenarioWeightsTest {

    private final PatentValuation valuation = new PatentValuation();
    private final PatentRecord plain = PatentBuilder.invention().build();

    private double gain(PatentRecord improved, ValuationScenario scenario) {
        ValuationInputs inputs = ValuationInputs.asOf(LocalDate.of(2025, 6, 1));
        ValuationWeights weights = ValuationWeights.defaults(scenario);
        return valuation.score(improved, inputs, weights).total() - valuation.score(plain, inputs, weights).total();
    }

    @Test
    void a_pledge_history_counts_more_under_finance_than_under_management() {
        PatentRecord pledged = PatentBuilder.invention().pledges(2).build();
        assertTrue(gain(pledged, ValuationScenario.FINANCE) > gain(pledged, ValuationScenario.MANAGEMENT));
        assertTrue(gain(pledged, ValuationScenario.FINANCE) > gain(pledged, ValuationScenario.LICENSING_TRANSFER));
    }

    @Test
    void licences_count_more_under_licensing_and_transfer_than_under_finance() {
        PatentRecord licensed = PatentBuilder.invention().licences(2).build();
        assertTrue(gain(licensed, ValuationScenario.LICENSING_TRANSFER) > gain(licensed, ValuationScenario.FINANCE));
    }

    @Test
    void citations_count_most_under_management_and_least_under_finance() {
        PatentRecord cited = PatentBuilder.invention().citations(8).build();
        double management = gain(cited, ValuationScenario.MANAGEMENT);
        double licensing = gain(cited, ValuationScenario.LICENSING_TRANSFER);
        double finance = gain(cited, ValuationScenario.FINANCE);
        assertTrue(management > licensing && licensing > finance, management + " " + licensing + " " + finance);
    }

    @Test
    void the_default_weights_of_every_scenario_sum_to_one_and_finance_weighs_legal_value_most() {
        for (ValuationScenario scenario : ValuationScenario.values()) {
            ValuationWeights weights = scenario.defaultWeights();
            assertEquals(1, weights.dimensions().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
            for (ValueDimension dimension : ValueDimension.values()) {
                assertEquals(1, ValueIndicator.of(dimension).stream().mapToDouble(weights::weight).sum(), 1e-9);
            }
        }
        ValuationWeights finance = ValuationWeights.defaults(ValuationScenario.FINANCE);
        for (ValuationScenario other : ValuationScenario.values()) {
            assertTrue(finance.weight(ValueDimension.LEGAL) >= other.defaultWeights().weight(ValueDimension.LEGAL));
        }
    }

    @Test
    void with_all_weight_on_one_dimension_the_total_is_that_dimensions_score() {
        ValuationWeights legalOnly = new ValuationWeights(ValuationScenario.FINANCE,
                Map.of(ValueDimension.LEGAL, 1.0, ValueDimension.TECHNICAL, 0.0, ValueDimension.ECONOMIC, 0.0),
                ValuationWeights.defaults(ValuationScenario.FINANCE).indicators());
        ValueScore score = valuation.score(PatentBuilder.invention().citations(3).build(),
                ValuationInputs.asOf(LocalDate.of(2025, 6, 1)), legalOnly);
        assertEquals(score.legal(), score.total(), 0.05);
    }
}
