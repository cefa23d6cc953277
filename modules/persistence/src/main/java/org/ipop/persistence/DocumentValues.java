package org.ipop.persistence;

import java.util.Date;
import org.bson.Document;

/** Reading stored values into the shapes views use, the same way in every module. */
public final class DocumentValues {

    private DocumentValues() {
    }

    /** A counter, whichever number type stored it (an absent counter is 0). */
    public static long number(Document document, String field) {
        return document.get(field) instanceof Number n ? n.longValue() : 0;
    }

    /** A time as ISO-8601 text, or null. */
    public static String iso(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
