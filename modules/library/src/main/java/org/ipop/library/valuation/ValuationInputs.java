package org.ipop.library.valuation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the platform knows about a patent beyond its {@link org.ipop.library.PatentRecord}: the date the valuation
 * is made for (remaining term and lapse are counted to it), the outcome of screening (筛选入库) if the patent has
 * been screened, and the aggregates of enterprises' feedback on pushed patents. The feedback counts stay 0 until
 * the matching and connection capabilities deliver them.
 *
 * @param screeningOutcome the name of the patent's {@link org.ipop.library.ScreeningStatus}, such as
 *                         {@code ADMITTED}; {@code null} when unknown. It does not change the score; it decides the
 *                         tier (see {@link TierPolicy}).
 * @param interestedCount  enterprises that answered a pushed patent with "interested" (感兴趣)
 * @param notRelevantCount enterprises that answered "not relevant" (不相关)
 */
public record ValuationInputs(LocalDate asOf, String screeningOutcome, int interestedCount, int notRelevantCount) {

    public ValuationInputs {
        Objects.requireNonNull(asOf, "asOf");
        if (interestedCount < 0 || notRelevantCount < 0) {
            throw new IllegalArgumentException("feedback counts must be ≥ 0");
        }
    }

    /** Inputs for a patent that has not been screened and has no feedback yet. */
    public static ValuationInputs asOf(LocalDate asOf) {
        return new ValuationInputs(asOf, null, 0, 0);
    }
}
