package org.ipop.library;

import java.util.List;

/** A patent in a result list: enough to recognise it and see where it stands. */
public record PatentSummary(String id, String title, String institution, String type, String legalStatus,
        String filingDate, String mainIpc, String status, String tier, double valueScore, List<String> segments,
        boolean published) {
}
