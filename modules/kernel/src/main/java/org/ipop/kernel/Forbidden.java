package org.ipop.kernel;

/**
 * The caller's role allows the operation in general but not on this object: a technology-transfer office acting for
 * an institution it does not belong to. The detail says why, so the user knows whom to ask.
 */
public final class Forbidden extends RuntimeException {

    public Forbidden(String detail) {
        super(detail);
    }
}
