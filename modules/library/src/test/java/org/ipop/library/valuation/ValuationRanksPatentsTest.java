package org.ipop.library.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.ipop.library.ApplicantType;
import org.ipop.library.PatentRecord;
import org.junit.jupiter.api.Test;

class ValuationRanksPatentsTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    private final PatentValuation valuation = new PatentValuation();

    private ValueScore score(PatentRecord patent, ValuationScenario scenario) {
        return valuation.score(patent, ValuationInputs.asOf(AS_OF), ValuationWeights.defaults(scenario));
    }

    @Test
    void a_young_granted_invention_with_transfers_and_citations_beats_an_expired_utility_model() {
        PatentRecord invention = PatentBuilder.invention().filed(LocalDate.of(2022, 3, 1))
                .granted(LocalDate.of(2024, 5, 1)).transfers(2).citations(6).build();
        PatentRecord expired = PatentBuilder.utilityModel().filed(LocalDate.of(2013, 4, 1))
                .granted(LocalDate.of(2013, 12, 1)).status("失效").build();

        for (ValuationScenario scenario : ValuationScenario.values()) {
            ValueScore young = score(invention, scenario);
            ValueScore old = score(expired, scenario);
            assertTrue(young.total() > old.total() + 20, scenario + ": " + young.total() + " vs " + old.total());
            assertTrue(young.legal() > old.legal());
            assertTrue(young.technical() > old.technical());
            assertTrue(young.economic() > old.economic());
        }
    }

    @Test
    void market_transactions_raise_the_economic_value() {
        PatentRecord unused = PatentBuilder.invention().build();
        PatentRecord licensed = PatentBuilder.invention().licences(1).transfers(1).build();

        ValueScore before = score(unused, ValuationScenario.LICENSING_TRANSFER);
        ValueScore after = score(licensed, ValuationScenario.LICENSING_TRANSFER);

        assertTrue(after.economic() > before.economic());
        assertEquals(before.legal(), after.legal());
        assertEquals(before.technical(), after.technical());
    }

    @Test
    void each_further_transaction_adds_less_than_the_one_before() {
        double previous = 0;
        double previousGain = Double.MAX_VALUE;
        for (int transfers = 1; transfers <= 6; transfers++) {
            double indicator = score(PatentBuilder.invention().transfers(transfers).build(),
                    ValuationScenario.MANAGEMENT).indicator(ValueIndicator.TRANSFERS).score();
            double gain = indicator - previous;
            assertTrue(gain > 0 && gain < previousGain, transfers + " transfers: +" + gain);
            previous = indicator;
            previousGain = gain;
        }
        assertTrue(previous < 100);
    }

    @Test
    void enterprise_feedback_moves_the_score_both_ways_from_neutral() {
        PatentRecord patent = PatentBuilder.invention().build();
        ValuationWeights weights = ValuationWeights.defaults(ValuationScenario.LICENSING_TRANSFER);

        double none = feedback(patent, 0, 0, weights);
        double liked = feedback(patent, 4, 1, weights);
        double rejected = feedback(patent, 0, 3, weights);

        assertEquals(50, none);
        assertTrue(liked > 80, "liked " + liked);
        assertTrue(rejected < 20, "rejected " + rejected);
    }

    private double feedback(PatentRecord patent, int interested, int notRelevant, ValuationWeights weights) {
        return valuation.score(patent, new ValuationInputs(AS_OF, null, interested, notRelevant), weights)
                .indicator(ValueIndicator.ENTERPRISE_FEEDBACK).score();
    }

    @Test
    void university_and_institute_patents_are_neutral_on_applicant_type() {
        for (ApplicantType type : new ApplicantType[] {ApplicantType.UNIVERSITY, ApplicantType.RESEARCH_INSTITUTE}) {
            ValueScore score = score(PatentBuilder.invention().applicant(type).build(), ValuationScenario.MANAGEMENT);
            assertEquals(50, score.indicator(ValueIndicator.APPLICANT_TYPE).score());
            assertEquals(type.chinese(), score.indicator(ValueIndicator.APPLICANT_TYPE).rawInput());
        }
    }

    @Test
    void a_shorter_first_claim_scores_as_broader_and_reference_numerals_do_not_count() {
        String shortClaim = "1.一种无人机，其特征在于，包括机身（1）和旋翼（2）。";
        String longClaim = "1.一种无人机，其特征在于，包括机身（1）和旋翼（2），" + "所述旋翼通过连杆与电机连接，".repeat(60);

        ValueScore broad = score(PatentBuilder.invention().claim(shortClaim).build(), ValuationScenario.MANAGEMENT);
        ValueScore narrow = score(PatentBuilder.invention().claim(longClaim).build(), ValuationScenario.MANAGEMENT);

        assertEquals(100, broad.indicator(ValueIndicator.CLAIM_BREADTH).score());
        assertEquals("首项权利要求 20 字", broad.indicator(ValueIndicator.CLAIM_BREADTH).rawInput());
        assertEquals(20, narrow.indicator(ValueIndicator.CLAIM_BREADTH).score());
        assertTrue(broad.legal() > narrow.legal());
    }

    @Test
    void a_design_has_no_claims_to_measure_and_is_neutral_on_breadth() {
        ValueScore design = score(PatentBuilder.design().filed(LocalDate.of(2022, 1, 1)).build(),
                ValuationScenario.MANAGEMENT);
        assertEquals(50, design.indicator(ValueIndicator.CLAIM_BREADTH).score());
    }

    @Test
    void ipc_breadth_counts_distinct_subclasses() {
        ValueScore score = score(PatentBuilder.invention()
                .ipc("H04N7/18", "G07C1/20", "B64C39/02", "B64D47/08", "B64D1/08", "B64D47/02").build(),
                ValuationScenario.MANAGEMENT);
        assertEquals("IPC 小类 4 个：B64C、B64D、G07C、H04N", score.indicator(ValueIndicator.IPC_BREADTH).rawInput());
        assertEquals(86.5, score.indicator(ValueIndicator.IPC_BREADTH).score());
    }

    @Test
    void surviving_an_invalidation_counts_for_stability_and_losing_it_counts_against() {
        ValueScore untested = score(PatentBuilder.invention().build(), ValuationScenario.FINANCE);
        ValueScore survived = score(PatentBuilder.invention().extra("无效宣告日期", "20230510").build(),
                ValuationScenario.FINANCE);
        ValueScore partly = score(PatentBuilder.invention().status("有权-部分无效")
                .extra("无效宣告日期", "20230510").build(), ValuationScenario.FINANCE);
        ValueScore lost = score(PatentBuilder.invention().status("无权-全部无效")
                .extra("无效宣告日期", "20230510").build(), ValuationScenario.FINANCE);

        double untestedScore = untested.indicator(ValueIndicator.INVALIDATION_HISTORY).score();
        assertTrue(survived.indicator(ValueIndicator.INVALIDATION_HISTORY).score() > untestedScore);
        assertTrue(partly.indicator(ValueIndicator.INVALIDATION_HISTORY).score() < untestedScore);
        assertEquals(0, lost.indicator(ValueIndicator.INVALIDATION_HISTORY).score());
        assertTrue(survived.legal() > untested.legal() && untested.legal() > partly.legal()
                && partly.legal() > lost.legal());
    }

    @Test
    void a_declared_government_funded_result_scores_above_neutral() {
        ValueScore funded = score(PatentBuilder.invention().funded("国家重点研发计划").build(),
                ValuationScenario.MANAGEMENT);
        assertEquals(100, funded.indicator(ValueIndicator.GOVERNMENT_FUNDING).score());
        assertEquals("财政资助科研成果：国家重点研发计划", funded.indicator(ValueIndicator.GOVERNMENT_FUNDING).rawInput());
        assertEquals(50, score(PatentBuilder.invention().build(), ValuationScenario.MANAGEMENT)
                .indicator(ValueIndicator.GOVERNMENT_FUNDING).score());
    }
}
