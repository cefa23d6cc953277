package org.ipop.library.domain;

import java.util.List;
import org.ipop.kernel.Conflict;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.ValidationFailed;
import org.ipop.library.ReviewDecision;
import org.ipop.library.ScreeningStatus;

/**
 * The screening workflow's transitions. Institutions self-assess inventoried patents (and may revise their
 * assessment until an operator has reviewed it); operators review self-assessed patents, or any inventoried one
 * drawn in a spot check, and may revise a review. A reason is required whenever a patent is flagged or rejected, so
 * that the institution learns why.
 */
public final class Screening {

    private Screening() {
    }

    public static void checkSelfAssessment(ScreeningStatus current) {
        if (current.isReviewed()) {
            throw new Conflict("This patent has already been reviewed (" + current.chinese() + "); its self-assessment"
                    + " can no longer change.");
        }
    }

    public static ScreeningStatus review(ScreeningStatus current, ReviewDecision decision) {
        if (decision == null || decision.outcome() == null) {
            throw new ValidationFailed("A review needs an outcome",
                    List.of(new FieldError("outcome", null, "ADMIT, FLAG_UNCLEAR or REJECT")));
        }
        if (decision.outcome() != ReviewDecision.Outcome.ADMIT
                && (decision.reason() == null || decision.reason().isBlank())) {
            throw new ValidationFailed("A reason is required",
                    List.of(new FieldError("reason", null, "say why the patent is flagged or rejected")));
        }
        return decision.outcome().status();
    }
}
