package org.ipop.matching;

import java.util.List;

/**
 * The funnel of a campaign: pushed → viewed → interested (connections and deals are filled by a later capability),
 * in total and per SEI branch and per province of the enterprise.
 */
public record Funnel(Stage total, List<Stage> bySegment, List<Stage> byRegion) {

    /** One line of the funnel; {@code key} names the segment or region (null for the total). */
    public record Stage(String key, String name, long pushed, long viewed, long interested, long notRelevant) {
    }
}
