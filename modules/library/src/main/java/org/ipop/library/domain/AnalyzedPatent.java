package org.ipop.library.domain;

import java.util.List;
import org.ipop.library.PatentRecord;
import org.ipop.library.tagging.SegmentTag;
import org.ipop.library.valuation.TierAssignment;
import org.ipop.library.valuation.ValueScore;

/** A patent record with what the platform derives from it: industry-segment tags, value score and tier. */
public record AnalyzedPatent(PatentRecord record, List<SegmentTag> tags, ValueScore value, TierAssignment tier) {

    public AnalyzedPatent {
        tags = List.copyOf(tags);
    }
}
