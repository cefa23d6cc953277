package org.ipop.library;

import java.util.List;

/**
 * A patent as the network catalogue shows it to other tenants and the public portal: public bibliographic fields
 * and segments only — no screening notes, no value score, no tier, no history.
 */
public record CataloguePatent(String tenantId, String applicationNumber, String title, String abstractText,
        String type, String institution, String legalStatus, String filingDate, String mainIpc, List<String> ipc,
        List<String> segments, String publishedAt) {
}
