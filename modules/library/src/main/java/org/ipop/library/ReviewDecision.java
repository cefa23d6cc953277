package org.ipop.library;

/** An operator's review of a self-assessed (or spot-checked) patent. */
public record ReviewDecision(Outcome outcome, String reason) {

    public enum Outcome {
        ADMIT(ScreeningStatus.ADMITTED),
        FLAG_UNCLEAR(ScreeningStatus.FLAGGED_UNCLEAR),
        REJECT(ScreeningStatus.REJECTED);

        private final ScreeningStatus status;

        Outcome(ScreeningStatus status) {
            this.status = status;
        }

        public ScreeningStatus status() {
            return status;
        }
    }
}
