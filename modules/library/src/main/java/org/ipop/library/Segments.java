package org.ipop.library;

import java.util.List;
import org.ipop.library.tagging.SegmentTagger;

/**
 * The industry-segment tags of a text and its IPC codes, as the library gives them to its patents (the four
 * concordance tables, field-by-field IPC comparison, exclusions, keyword confirmation). For other capabilities that
 * need the same reading of a patent-like text, such as generated data sets and demand texts.
 */
public final class Segments {

    private Segments() {
    }

    public static List<MatchablePatent.Segment> of(List<String> ipcCodes, String title, String abstractText,
            String claim) {
        return SegmentTagger.standard().tag(ipcCodes, title, abstractText == null ? "" : abstractText,
                claim == null ? "" : claim).stream().map(tag -> new MatchablePatent.Segment(tag.catalog().name(),
                tag.catalog().name() + ":" + tag.branchCode(), tag.branchCode(), tag.branchName(),
                tag.strength().name().equals("KEYWORD_CONFIRMED"))).toList();
    }
}
