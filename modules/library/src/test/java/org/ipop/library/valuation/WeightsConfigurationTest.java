package org.ipop.library.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightsConfigurationTest {

    @Test
    void the_scenario_alone_gives_its_defaults() {
        assertEquals(ValuationWeights.defaults(ValuationScenario.FINANCE),
                ValuationWeights.fromJson(Json.object("{'scenario': 'finance'}")));
    }

    @Test
    void a_partial_override_merges_onto_the_defaults_and_is_renormalised() {
        // FINANCE defaults: legal 0.45, technical 0.20, economic 0.35. Legal 0.65 makes the sum 1.2.
        ValuationWeights weights = ValuationWeights.fromJson(Json.object("""
                {'scenario': 'FINANCE',
                 'dimensions': {'legal': 0.65},
                 'indicators': {'economic': {'pledges': 0.55}}}"""));

        assertEquals(ValuationScenario.FINANCE, weights.scenario());
        assertEquals(0.65 / 1.2, weights.weight(ValueDimension.LEGAL), 1e-9);
        assertEquals(0.20 / 1.2, weights.weight(ValueDimension.TECHNICAL), 1e-9);
        assertEquals(0.35 / 1.2, weights.weight(ValueDimension.ECONOMIC), 1e-9);
        // Economic defaults: transfers 0.20, licences 0.20, pledges 0.35, feedback 0.15, applicant 0.10.
        assertEquals(0.55 / 1.2, weights.weight(ValueIndicator.PLEDGES), 1e-9);
        assertEquals(0.20 / 1.2, weights.weight(ValueIndicator.TRANSFERS), 1e-9);
        // Groups that were not overridden keep their defaults.
        ValuationWeights defaults = ValuationWeights.defaults(ValuationScenario.FINANCE);
        for (ValueDimension dimension : new ValueDimension[] {ValueDimension.LEGAL, ValueDimension.TECHNICAL}) {
            for (ValueIndicator indicator : ValueIndicator.of(dimension)) {
                assertEquals(defaults.weight(indicator), weights.weight(indicator), 1e-9);
            }
        }
    }

    @Test
    void a_complete_group_may_use_any_scale_and_zero_switches_an_indicator_off() {
        ValuationWeights weights = ValuationWeights.fromJson(Json.object("""
                {'scenario': 'MANAGEMENT',
                 'dimensions': {'legal': 40, 'technical': 40, 'economic': 20},
                 'indicators': {'technical': {'ipcBreadth': 0, 'forwardCitations': 50, 'familySize': 30,
                                              'governmentFunding': 20}}}"""));

        assertEquals(0.4, weights.weight(ValueDimension.LEGAL), 1e-9);
        assertEquals(0.2, weights.weight(ValueDimension.ECONOMIC), 1e-9);
        assertEquals(0, weights.weight(ValueIndicator.IPC_BREADTH));
        assertEquals(0.5, weights.weight(ValueIndicator.FORWARD_CITATIONS), 1e-9);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'dimensions': {'legal': 1}} | scenario: required",
            "{'scenario': 'AUCTION'} | scenario: unknown scenario 'AUCTION'",
            "{'scenario': 'FINANCE', 'dimension': {}} | dimension: unknown field",
            "{'scenario': 'FINANCE', 'dimensions': {'legal': -0.1}} | dimensions.legal: must be a number ≥ 0",
            "{'scenario': 'FINANCE', 'dimensions': {'legal': '0.5'}} | dimensions.legal: must be a number",
            "{'scenario': 'FINANCE', 'dimensions': {'market': 0.5}} | dimensions.market: unknown field",
            "{'scenario': 'FINANCE', 'dimensions': {'legal': 0, 'technical': 0, 'economic': 0}}"
                    + "| dimensions: all weights are 0",
            "{'scenario': 'FINANCE', 'indicators': {'legal': {'pledges': 0.5}}}"
                    + "| indicators.legal.pledges: unknown field",
            "{'scenario': 'FINANCE', 'indicators': {'economic': {'pledges': -1}}}"
                    + "| indicators.economic.pledges: must be a number ≥ 0",
            "{'scenario': 'FINANCE', 'indicators': {'technical': {'ipcBreadth': 0, 'forwardCitations': 0,"
                    + " 'familySize': 0, 'governmentFunding': 0}}} | indicators.technical: all weights are 0"})
    void invalid_weights_are_refused_naming_the_field(String json, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ValuationWeights.fromJson(Json.object(json)));
        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
    }
}
