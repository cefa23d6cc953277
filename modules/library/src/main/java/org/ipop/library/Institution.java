package org.ipop.library;

import java.util.List;

/**
 * An institution of the tenant (a university, research institute…) whose patents the centre operates, named as on
 * its patents, with the users who act for it (its technology-transfer office).
 */
public record Institution(String name, String type, String typeChinese, List<String> members, String registeredAt,
        String registeredBy) {

    public Institution {
        members = List.copyOf(members);
    }
}
