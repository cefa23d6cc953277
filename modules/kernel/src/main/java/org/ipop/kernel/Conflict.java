package org.ipop.kernel;

/** The request contradicts the current state (a duplicate id, a step out of order). */
public final class Conflict extends RuntimeException {

    public Conflict(String detail) {
        super(detail);
    }
}
