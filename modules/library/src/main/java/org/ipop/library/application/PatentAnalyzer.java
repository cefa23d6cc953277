package org.ipop.library.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.ipop.kernel.TenantId;
import org.ipop.library.PatentRecord;
import org.ipop.library.ScreeningStatus;
import org.ipop.library.domain.AnalyzedPatent;
import org.ipop.library.tagging.SegmentTag;
import org.ipop.library.tagging.SegmentTagger;
import org.ipop.library.valuation.PatentValuation;
import org.ipop.library.valuation.TierPolicy;
import org.ipop.library.valuation.ValuationInputs;
import org.ipop.library.valuation.ValuationScenario;
import org.ipop.library.valuation.ValuationSettings;
import org.ipop.library.valuation.ValueScore;
import org.ipop.tenancy.Tenants;

/**
 * Derives what the platform knows from a patent record: industry-segment tags from its IPC codes and text, the
 * value score ({@link #SCENARIO}) and the tier, with the weights and tier policy of the tenant that holds the patent
 * (the {@code resource-library} section of its descriptor, docs/valuation.md; the defaults where it sets none).
 * The concordance tables are loaded once; each tenant's settings are read once and read again only when its
 * descriptor's section has changed.
 */
@ApplicationScoped
public class PatentAnalyzer {

    /** The scenario of the library's value score: an enterprise licensing or buying the patent. */
    public static final ValuationScenario SCENARIO = ValuationScenario.LICENSING_TRANSFER;

    private final Function<TenantId, Optional<String>> sectionOf;
    private final Clock clock;
    private final SegmentTagger tagger;
    private final PatentValuation valuation;
    private final Map<TenantId, Read> settings = new ConcurrentHashMap<>();

    /** A tenant's section as it was read, and what was read from it. */
    private record Read(Optional<String> section, ValuationSettings settings) {
    }

    @Inject
    public PatentAnalyzer(Tenants tenants) {
        this(tenant -> tenants.require(tenant).settings(LibrarySettingsValidator.MODULE),
                Clock.systemDefaultZone());
    }

    /**
     * @param sectionOf the {@code resource-library} settings of a tenant (JSON object text), if it has any
     * @param clock     gives the valuation date (remaining terms, lapsed rights)
     */
    public PatentAnalyzer(Function<TenantId, Optional<String>> sectionOf, Clock clock) {
        this.sectionOf = sectionOf;
        this.clock = clock;
        this.tagger = SegmentTagger.standard();
        this.valuation = new PatentValuation();
    }

    /** For CDI's client proxy only. */
    protected PatentAnalyzer() {
        this.sectionOf = null;
        this.clock = null;
        this.tagger = null;
        this.valuation = null;
    }

    /** A patent as imported, before any screening. */
    public AnalyzedPatent analyze(TenantId tenant, PatentRecord record) {
        return analyze(tenant, record, ScreeningStatus.INVENTORIED);
    }

    public AnalyzedPatent analyze(TenantId tenant, PatentRecord record, ScreeningStatus status) {
        ValuationSettings config = settings(tenant);
        List<SegmentTag> tags = tagger.tag(record.ipcCodes(), record.title(), record.abstractText(),
                record.firstClaim());
        String outcome = outcome(status);
        ValueScore score = valuation.score(record, new ValuationInputs(LocalDate.now(clock), outcome, 0, 0),
                config.weights(SCENARIO));
        return new AnalyzedPatent(record, tags, score, config.tierPolicy().tierOf(score, outcome, 0));
    }

    /**
     * The tenant's valuation settings. Its section was checked when the descriptor was loaded or registered; if it
     * is refused here all the same (a tenant registered before a rule became stricter), the analysis fails with the
     * tenant and the field rather than silently falling back to the defaults.
     *
     * @throws IllegalStateException naming the tenant and the field of its section that is not valid
     */
    public ValuationSettings settings(TenantId tenant) {
        Optional<String> section = sectionOf.apply(tenant);
        Read read = settings.get(tenant);
        if (read == null || !Objects.equals(read.section(), section)) {
            read = new Read(section, section.map(json -> parse(tenant, json)).orElseGet(ValuationSettings::defaults));
            settings.put(tenant, read);
        }
        return read.settings();
    }

    private static ValuationSettings parse(TenantId tenant, String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return ValuationSettings.fromJson(reader.readObject());
        } catch (IllegalArgumentException refusal) {
            throw new IllegalStateException("The settings of tenant " + tenant + " are not valid: moduleSettings."
                    + LibrarySettingsValidator.MODULE + "." + refusal.getMessage(), refusal);
        }
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
