package org.ipop.library;

/** One entry of a patent's append-only screening history: who moved it, when, from which status to which, why. */
public record ScreeningStep(String at, String actor, ScreeningStatus from, ScreeningStatus to, String reason) {
}
