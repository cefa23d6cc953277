package org.ipop.library.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.ipop.library.PatentRecord;
import org.ipop.library.ScreeningStatus;
import org.ipop.library.domain.AnalyzedPatent;
import org.ipop.library.tagging.SegmentTag;
import org.ipop.library.tagging.SegmentTagger;
import org.ipop.library.valuation.PatentValuation;
import org.ipop.library.valuation.TierPolicy;
import org.ipop.library.valuation.ValuationInputs;
import org.ipop.library.valuation.ValuationScenario;
import org.ipop.library.valuation.ValuationWeights;
import org.ipop.library.valuation.ValueScore;

/**
 * Derives what the platform knows from a patent record: industry-segment tags from its IPC codes and text, the
 * value score (licensing/transfer scenario) and the tier. The concordance tables are loaded once.
 *
 * <p>Tenants' own weights and tier rules (from their descriptors) are not wired in yet: every tenant uses the
 * documented defaults (docs/valuation.md).
 */
@ApplicationScoped
public class PatentAnalyzer {

    private final SegmentTagger tagger = SegmentTagger.standard();
    private final PatentValuation valuation = new PatentValuation();
    private final ValuationWeights weights = ValuationWeights.defaults(ValuationScenario.LICENSING_TRANSFER);
    private final TierPolicy tiers = TierPolicy.defaults();

    public AnalyzedPatent analyze(PatentRecord record) {
        return analyze(record, ScreeningStatus.INVENTORIED);
    }

    public AnalyzedPatent analyze(PatentRecord record, ScreeningStatus status) {
        List<SegmentTag> tags = tagger.tag(record.ipcCodes(), record.title(), record.abstractText(),
                record.firstClaim());
        String outcome = outcome(status);
        ValueScore score = valuation.score(record, new ValuationInputs(LocalDate.now(), outcome, 0, 0), weights);
        return new AnalyzedPatent(record, tags, score, tiers.tierOf(score, outcome, 0));
    }

    /** The screening outcome as the valuation and tier rules name it; none before a review. */
    private static String outcome(ScreeningStatus status) {
        return switch (status) {
            case ADMITTED -> TierPolicy.ADMITTED;
            case REJECTED -> TierPolicy.REJECTED;
            case FLAGGED_UNCLEAR -> TierPolicy.UNCLEAR_PROSPECTS;
            case INVENTORIED, SELF_ASSESSED -> null;
        };
    }
}
