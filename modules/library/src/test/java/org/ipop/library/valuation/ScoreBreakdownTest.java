package org.ipop.library.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ipop.library.ApplicantType;
import org.ipop.library.PatentRecord;
import org.ipop.library.ScreeningStatus;
import org.junit.jupiter.api.Test;

/** The invariants a UI relies on to explain a score, over patents from empty to extreme and every scenario. */
class ScoreBreakdownTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    private final PatentValuation valuation = new PatentValuation();

    private static List<PatentRecord> patents() {
        return List.of(
                PatentBuilder.invention().build(),
                PatentBuilder.invention().filed(LocalDate.of(2025, 5, 1)).granted(null).status("审中-实审").build(),
                PatentBuilder.invention().transfers(50).licences(50).pledges(50).citations(500).family(80)
                        .funded("973 计划").applicant(ApplicantType.ENTERPRISE)
                        .ipc("A01B1/00", "B01D1/00", "C01B3/00", "D01F1/00", "E01B1/00", "F01D5/00", "G06F16/00")
                        .extra("无效宣告日期", "20200101").build(),
                PatentBuilder.utilityModel().filed(LocalDate.of(2001, 1, 1)).status("失效").ipc().claim("")
                        .applicant(null).build(),
                PatentBuilder.design().filed(null).status(null).build(),
                PatentBuilder.utilityModel().status("有权-部分无效").extra("无效宣告日期", "2024-02-03")
                        .claim("1.一种装置，".repeat(300)).build());
    }

    private List<ValueScore> everyScore() {
        List<ValuationInputs> inputs = List.of(ValuationInputs.asOf(AS_OF),
                new ValuationInputs(AS_OF, ScreeningStatus.ADMITTED.name(), 40, 0),
                new ValuationInputs(AS_OF, ScreeningStatus.REJECTED.name(), 0, 40));
        List<ValueScore> scores = new ArrayList<>();
        for (PatentRecord patent : patents()) {
            for (ValuationInputs input : inputs) {
                for (ValuationScenario scenario : ValuationScenario.values()) {
                    scores.add(valuation.score(patent, input, ValuationWeights.defaults(scenario)));
                }
            }
        }
        return scores;
    }

    @Test
    void every_indicator_dimension_and_total_lies_between_0_and_100() {
        for (ValueScore score : everyScore()) {
            assertBetween0And100(score.total());
            Arrays.stream(ValueDimension.values()).forEach(d -> assertBetween0And100(score.dimension(d)));
            score.indicators().forEach(indicator -> assertBetween0And100(indicator.score()));
        }
    }

    @Test
    void the_contributions_add_up_to_the_total() {
        for (ValueScore score : everyScore()) {
            double sum = score.indicators().stream().mapToDouble(ValueScore.Indicator::contribution).sum();
            assertEquals(score.total(), sum, 0.1, () -> score.toString());
        }
    }

    @Test
    void a_dimension_score_is_the_weighted_mean_of_its_indicators_and_the_total_that_of_the_dimensions() {
        for (ValueScore score : everyScore()) {
            double total = 0;
            for (ValueDimension dimension : ValueDimension.values()) {
                double mean = score.indicators().stream().filter(i -> i.dimension() == dimension)
                        .mapToDouble(i -> i.weight() * i.score()).sum();
                assertEquals(score.dimension(dimension), mean, 0.05 + 1e-9); // rounded to one decimal
                total += score.weights().weight(dimension) * score.dimension(dimension);
            }
            assertEquals(score.total(), total, 0.1);
        }
    }

    @Test
    void the_breakdown_lists_every_indicator_once_with_its_names_and_what_it_read() {
        ValueScore score = valuation.score(PatentBuilder.invention().build(), ValuationInputs.asOf(AS_OF),
                ValuationWeights.defaults(ValuationScenario.LICENSING_TRANSFER));

        assertEquals(Arrays.stream(ValueIndicator.values()).map(ValueIndicator::code).toList(),
                score.indicators().stream().map(ValueScore.Indicator::code).toList());
        for (ValueScore.Indicator indicator : score.indicators()) {
            assertTrue(!indicator.nameZh().isBlank() && !indicator.nameEn().isBlank()
                    && !indicator.rawInput().isBlank(), indicator::toString);
        }
        assertEquals(ValuationScenario.LICENSING_TRANSFER, score.scenario());
        assertEquals("剩余保护期 14.6 年（至 2040-01-01）", score.indicator(ValueIndicator.REMAINING_TERM).rawInput());
    }

    private static void assertBetween0And100(double value) {
        assertTrue(value >= 0 && value <= 100, "out of range: " + value);
    }
}
