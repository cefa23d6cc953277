package org.ipop.library.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierPolicyTest {

    private static final ValuationWeights WEIGHTS = ValuationWeights.defaults(ValuationScenario.LICENSING_TRANSFER);

    /** A score with the given total; tiers read nothing else. */
    private static ValueScore scoreOf(double total) {
        return new ValueScore(total, total, total, total, List.of(), WEIGHTS);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "85,   ADMITTED,          A",
            "70,   admitted,          A",
            "69.9, ADMITTED,          B",
            "50,   ADMITTED,          B",
            "49.9, ADMITTED,          C",
            "90,   NULL,              C",
            "90,   FLAGGED_UNCLEAR,   D",
            "90,   REJECTED,          D",
            "20,   SELF_ASSESSED,     C"})
    void the_default_policy_tiers_by_score_and_screening_outcome(double total, String outcome, String tier) {
        assertEquals(tier, TierPolicy.defaults().tierOf(scoreOf(total), outcome, 0).code());
    }

    @Test
    void the_assignment_says_which_conditions_put_the_patent_in_its_tier() {
        TierAssignment a = TierPolicy.defaults().tierOf(scoreOf(72.3), "ADMITTED", 0);
        assertEquals("重点推广", a.tier().nameZh());
        assertEquals("价值分 72.3 ≥ 70；筛选结果 ADMITTED（本层接受 ADMITTED）", a.reasonZh());
        assertEquals("value score 72.3 ≥ 70; screening outcome ADMITTED (tier accepts ADMITTED)", a.reasonEn());

        TierAssignment c = TierPolicy.defaults().tierOf(scoreOf(40), null, 0);
        assertEquals("未满足任一层级（A、B、D）的条件，归入默认层级", c.reasonZh());
    }

    @Test
    void the_valuation_inputs_carry_the_outcome_and_feedback_to_the_policy() {
        PatentValuation valuation = new PatentValuation();
        ValuationInputs inputs = new ValuationInputs(LocalDate.of(2025, 6, 1), "REJECTED", 0, 0);
        ValueScore score = valuation.score(PatentBuilder.invention().build(), inputs, WEIGHTS);
        assertEquals("D", TierPolicy.defaults().tierOf(score, inputs).code());
    }

    private static final String CUSTOM = """
            {'tiers': [
               {'code': 'S', 'names': {'zh': '明星专利', 'en': 'Star'}, 'minScore': 60,
                'screeningOutcomes': ['ADMITTED'], 'minInterested': 3},
               {'code': 'A', 'names': {'zh': '重点推广', 'en': 'Priority'}, 'minScore': 60},
               {'code': 'X', 'names': {'zh': '暂缓', 'en': 'On hold'}, 'screeningOutcomes': ['REJECTED']}],
             'defaultTier': {'code': 'N', 'names': {'zh': '普通', 'en': 'Normal'}}}""";

    @Test
    void a_custom_policy_from_json_applies_its_tiers_in_order() {
        TierPolicy policy = TierPolicy.fromJson(Json.object(CUSTOM));

        assertEquals("S", policy.tierOf(scoreOf(65), "ADMITTED", 3).code());
        assertEquals("感兴趣企业 3 家 ≥ 3", policy.tierOf(scoreOf(65), "ADMITTED", 3).reasonZh().split("；")[2]);
        // Two interested enterprises are one too few for S; the score alone still makes A, whatever the outcome.
        assertEquals("A", policy.tierOf(scoreOf(65), "ADMITTED", 2).code());
        assertEquals("A", policy.tierOf(scoreOf(65), "REJECTED", 0).code());
        assertEquals("X", policy.tierOf(scoreOf(30), "REJECTED", 0).code());
        assertEquals("N", policy.tierOf(scoreOf(30), "ADMITTED", 10).code());
        assertEquals(new Tier("N", "普通", "Normal"), policy.defaultTier());
    }

    /** In the cases below, TIER_A stands for a valid tier, DEFAULT for a valid default tier, NAMES for names. */
    private static final String TIER_A = "{'code': 'A', 'names': {'zh': '甲', 'en': 'A'}, 'minScore': 70}";
    private static final String DEFAULT = "{'code': 'C', 'names': {'zh': '丙', 'en': 'C'}}";
    private static final String NAMES = "'names': {'zh': '乙', 'en': 'B'}";

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'tiers': [TIER_A, {'code': 'B', NAMES, 'minScore': 120}], 'defaultTier': DEFAULT}"
                    + "| tiers[1].minScore: must be between 0 and 100",
            "{'tiers': [{'code': 'B', NAMES, 'minScore': -5}], 'defaultTier': DEFAULT}"
                    + "| tiers[0].minScore: must be between 0 and 100",
            "{'tiers': [{'code': 'B', NAMES, 'minInterested': 1.5}], 'defaultTier': DEFAULT}"
                    + "| tiers[0].minInterested: must be a whole number",
            "{'tiers': [{'code': 'B', NAMES, 'minInterested': -1}], 'defaultTier': DEFAULT}"
                    + "| tiers[0].minInterested: must be ≥ 0",
            "{'tiers': [{'code': 'B', NAMES, 'screeningOutcomes': ['ADMITTED', 3]}], 'defaultTier': DEFAULT}"
                    + "| tiers[0].screeningOutcomes[1]: must be a non-empty string",
            "{'tiers': [TIER_A, {'code': 'B', NAMES}], 'defaultTier': DEFAULT}"
                    + "| tiers[1]: set at least one of minScore, screeningOutcomes, minInterested",
            "{'tiers': [{'code': 'B', 'names': {'zh': '乙'}, 'minScore': 50}], 'defaultTier': DEFAULT}"
                    + "| tiers[0].names.en: required",
            "{'tiers': [{NAMES, 'minScore': 50}], 'defaultTier': DEFAULT} | tiers[0].code: required",
            "{'tiers': [{'code': 'B', NAMES, 'min_score': 50}], 'defaultTier': DEFAULT} | tiers[0].min_score: unknown field",
            "{'tiers': [TIER_A, {'code': 'A', NAMES, 'minScore': 50}], 'defaultTier': DEFAULT}"
                    + "| tiers[1].code: duplicate tier code 'A'",
            "{'tiers': [TIER_A], 'defaultTier': {'code': 'A', NAMES}} | defaultTier.code: duplicate tier code 'A'",
            "{'tiers': [TIER_A]} | defaultTier: required",
            "{'tiers': [], 'defaultTier': DEFAULT} | tiers: list at least one tier",
            "{'tiers': ['A'], 'defaultTier': DEFAULT} | tiers[0]: must be an object"})
    void an_invalid_policy_is_refused_naming_the_field(String json, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TierPolicy.fromJson(Json.object(json.replace("TIER_A", TIER_A).replace("NAMES", NAMES)
                        .replace("DEFAULT", DEFAULT))));
        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
    }
}
