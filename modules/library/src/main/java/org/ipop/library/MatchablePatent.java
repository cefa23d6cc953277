package org.ipop.library;

import java.util.List;

/**
 * What matching needs of a patent available for a deal: admitted to the library and still alive (granted or
 * pending, not lapsed). Carries public fields only, so a tenant's matching may also use other tenants' published
 * patents later.
 *
 * @param segments   its industry-segment tags ({@code catalog:branch}), keyword-confirmed ones marked
 * @param ipcCodes   all IPC codes, canonical ({@code H01M8/04})
 * @param regionCode the province code of the patent (国省代码), may be null
 * @param tier       tier code (A–D)
 * @param valueScore 0–100
 */
public record MatchablePatent(String tenantId, String id, String title, String abstractText, String firstClaim,
        String institution, List<Segment> segments, List<String> ipcCodes, String regionCode, String tier,
        double valueScore, boolean published) {

    public MatchablePatent {
        segments = List.copyOf(segments);
        ipcCodes = List.copyOf(ipcCodes);
    }

    /**
     * One industry-segment tag.
     *
     * @param key              {@code SEI_2021:6.4}
     * @param code             the branch code ({@code 6.4})
     * @param name             the branch name (生物质能及其他新能源产业)
     * @param keywordConfirmed whether the patent's text confirmed the IPC match
     */
    public record Segment(String catalog, String key, String code, String name, boolean keywordConfirmed) {
    }
}
