package org.ipop.library.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuationSettingsTest {

    @Test
    void an_empty_section_is_the_defaults() {
        ValuationSettings settings = ValuationSettings.fromJson(Json.object("{}"));
        assertEquals(ValuationSettings.defaults(), settings);
        for (ValuationScenario scenario : ValuationScenario.values()) {
            assertEquals(ValuationWeights.defaults(scenario), settings.weights(scenario));
        }
        assertEquals(TierPolicy.defaults(), settings.tierPolicy());
    }

    @Test
    void weights_are_set_per_scenario_and_the_other_scenarios_keep_their_defaults() {
        ValuationSettings settings = ValuationSettings.fromJson(Json.object("""
                {'valuationWeights': {
                   'FINANCE': {'dimensions': {'legal': 50, 'technical': 15, 'economic': 35}},
                   'management': {'indicators': {'technical': {'governmentFunding': 0}}}}}"""));

        assertEquals(0.50, settings.weights(ValuationScenario.FINANCE).weight(ValueDimension.LEGAL), 1e-9);
        assertEquals(ValuationWeights.defaults(ValuationScenario.FINANCE).weight(ValueIndicator.PLEDGES),
                settings.weights(ValuationScenario.FINANCE).weight(ValueIndicator.PLEDGES), 1e-9);
        assertEquals(0, settings.weights(ValuationScenario.MANAGEMENT).weight(ValueIndicator.GOVERNMENT_FUNDING));
        assertEquals(ValuationScenario.MANAGEMENT, settings.weights(ValuationScenario.MANAGEMENT).scenario());
        assertEquals(ValuationWeights.defaults(ValuationScenario.LICENSING_TRANSFER),
                settings.weights(ValuationScenario.LICENSING_TRANSFER));
        assertEquals(TierPolicy.defaults(), settings.tierPolicy(), "no tierPolicy: the default policy");
    }

    @Test
    void a_tier_policy_replaces_the_default_policy() {
        ValuationSettings settings = ValuationSettings.fromJson(Json.object("""
                {'tierPolicy': {
                   'tiers': [{'code': 'A', 'names': {'zh': '重点推广', 'en': 'Priority'}, 'minScore': 80}],
                   'defaultTier': {'code': 'C', 'names': {'zh': '待评估', 'en': 'To be evaluated'}}}}"""));
        ValueScore score = new ValueScore(75, 75, 75, 75, java.util.List.of(),
                settings.weights(ValuationScenario.LICENSING_TRANSFER));

        assertEquals("C", settings.tierPolicy().tierOf(score, "ADMITTED", 0).code());
        assertEquals("A", TierPolicy.defaults().tierOf(score, "ADMITTED", 0).code());
    }

    /** Errors of a nested part name the path from the section down, as an administrator reads the file. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'weights': {}} | weights: unknown field (known: valuationWeights, tierPolicy)",
            "{'valuationWeights': []} | valuationWeights: must be an object",
            "{'valuationWeights': {'AUCTION': {}}} | valuationWeights.AUCTION: unknown scenario (known: "
                    + "LICENSING_TRANSFER, FINANCE, MANAGEMENT)",
            "{'valuationWeights': {'FINANCE': 0.5}} | valuationWeights.FINANCE: must be an object",
            "{'valuationWeights': {'FINANCE': {}, 'finance': {}}} | valuationWeights.finance: the weights of FINANCE "
                    + "are given twice",
            "{'valuationWeights': {'FINANCE': {'scenario': 'FINANCE'}}} | valuationWeights.FINANCE.scenario: "
                    + "unknown field: the key (FINANCE) names the scenario",
            "{'valuationWeights': {'FINANCE': {'dimensions': {'legal': 'high'}}}} | valuationWeights.FINANCE"
                    + ".dimensions.legal: must be a number",
            "{'valuationWeights': {'MANAGEMENT': {'indicators': {'legal': {'pledges': 1}}}}} | valuationWeights"
                    + ".MANAGEMENT.indicators.legal.pledges: unknown field",
            "{'tierPolicy': 'strict'} | tierPolicy: must be an object",
            "{'tierPolicy': {'tiers': []}} | tierPolicy.defaultTier: required",
            "{'tierPolicy': {'tiers': [{'code': 'A', 'names': {'zh': '甲', 'en': 'A'}, 'minScore': 170}], "
                    + "'defaultTier': {'code': 'C', 'names': {'zh': '丙', 'en': 'C'}}}}"
                    + "| tierPolicy.tiers[0].minScore: must be between 0 and 100"})
    void an_invalid_section_is_refused_naming_the_field(String json, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ValuationSettings.fromJson(Json.object(json)));
        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
    }
}
