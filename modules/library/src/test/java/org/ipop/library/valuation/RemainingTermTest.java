package org.ipop.library.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.ipop.library.PatentRecord;
import org.junit.jupiter.api.Test;

class RemainingTermTest {

    private final PatentValuation valuation = new PatentValuation();
    private final ValuationWeights weights = ValuationWeights.defaults(ValuationScenario.FINANCE);

    private ValueScore.Indicator indicator(PatentRecord patent, LocalDate asOf, ValueIndicator indicator) {
        return valuation.score(patent, ValuationInputs.asOf(asOf), weights).indicator(indicator);
    }

    @Test
    void an_invention_is_protected_twenty_years_from_filing_and_full_marks_need_fifteen_left() {
        PatentRecord patent = PatentBuilder.invention().filed(LocalDate.of(2020, 1, 1)).build();

        ValueScore.Indicator young = indicator(patent, LocalDate.of(2021, 1, 1), ValueIndicator.REMAINING_TERM);
        assertEquals(100, young.score());
        assertEquals("剩余保护期 19.0 年（至 2040-01-01）", young.rawInput());

        assertEquals(33.3, indicator(patent, LocalDate.of(2035, 1, 1), ValueIndicator.REMAINING_TERM).score());
    }

    @Test
    void the_remaining_term_goes_to_zero_after_expiry_even_if_the_export_still_says_in_force() {
        PatentRecord patent = PatentBuilder.utilityModel().filed(LocalDate.of(2012, 3, 1)).status("有权").build();

        assertTrue(indicator(patent, LocalDate.of(2021, 3, 1), ValueIndicator.REMAINING_TERM).score() > 0);
        assertEquals(0, indicator(patent, LocalDate.of(2022, 3, 1), ValueIndicator.REMAINING_TERM).score());
        assertEquals(0, indicator(patent, LocalDate.of(2025, 6, 1), ValueIndicator.REMAINING_TERM).score());

        ValueScore.Indicator status = indicator(patent, LocalDate.of(2025, 6, 1), ValueIndicator.LEGAL_STATUS);
        assertEquals(0, status.score());
        assertEquals("有权（按申请日计已于 2022-03-01 届满）", status.rawInput());
    }

    @Test
    void a_recorded_lapse_ends_the_term_early() {
        PatentRecord patent = PatentBuilder.invention().filed(LocalDate.of(2020, 1, 1)).extra("失效日期", "20240301")
                .build();

        assertEquals(0, indicator(patent, LocalDate.of(2025, 1, 1), ValueIndicator.REMAINING_TERM).score());
        assertEquals("有权-审定授权（失效日期 2024-03-01）",
                indicator(patent, LocalDate.of(2025, 1, 1), ValueIndicator.LEGAL_STATUS).rawInput());
    }

    @Test
    void a_withdrawn_or_rejected_application_has_no_term_left() {
        for (String status : new String[] {"无权-视为撤回", "无权-驳回"}) {
            PatentRecord patent = PatentBuilder.invention().filed(LocalDate.of(2023, 1, 1)).granted(null)
                    .status(status).build();
            ValueScore.Indicator term = indicator(patent, LocalDate.of(2025, 1, 1), ValueIndicator.REMAINING_TERM);
            assertEquals(0, term.score());
            assertEquals("已无权，剩余保护期 0 年", term.rawInput());
        }
    }

    @Test
    void designs_filed_from_june_2021_are_protected_fifteen_years_earlier_ones_ten() {
        LocalDate asOf = LocalDate.of(2031, 6, 1);
        PatentRecord before = PatentBuilder.design().filed(LocalDate.of(2021, 5, 31)).build();
        PatentRecord after = PatentBuilder.design().filed(LocalDate.of(2021, 6, 1)).build();

        assertEquals(0, indicator(before, asOf, ValueIndicator.REMAINING_TERM).score());
        assertEquals("剩余保护期 5.0 年（至 2036-06-01）",
                indicator(after, asOf, ValueIndicator.REMAINING_TERM).rawInput());
    }

    @Test
    void without_a_filing_date_the_term_is_unknown_and_neutral() {
        PatentRecord patent = PatentBuilder.invention().filed(null).build();
        assertEquals(50, indicator(patent, LocalDate.of(2025, 1, 1), ValueIndicator.REMAINING_TERM).score());
    }
}
