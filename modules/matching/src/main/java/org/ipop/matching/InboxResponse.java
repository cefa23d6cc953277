package org.ipop.matching;

/** An enterprise's answer to a pushed patent: INTERESTED, or NOT_RELEVANT with a reason (不相关的原因). */
public record InboxResponse(String response, String reason) {

    public static final String INTERESTED = "INTERESTED";
    public static final String NOT_RELEVANT = "NOT_RELEVANT";
}
