package org.ipop.library.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.ipop.kernel.TenantId;
import org.ipop.library.PatentRecord;
import org.ipop.library.ScreeningStatus;
import org.ipop.library.domain.AnalyzedPatent;
import org.ipop.library.importing.InventoryReader;
import org.ipop.library.importing.InventoryRow;
import org.ipop.library.valuation.ValuationScenario;
import org.ipop.library.valuation.ValueDimension;
import org.ipop.tenancy.TenantDescriptors;
import org.junit.jupiter.api.Test;

/**
 * The library values and tiers each tenant's patents with that tenant's settings: the same real record of the
 * sample export, analysed for 湖北 (no settings: the defaults) and for 氢能 (its own weights and tiers in
 * tenants/hydrogen.json).
 */
class PatentAnalyzerTenantSettingsTest {

    private static final Clock JUNE_2025 = Clock.fixed(LocalDate.of(2025, 6, 1).atStartOfDay(ZoneId.of("Asia/Shanghai"))
            .toInstant(), ZoneId.of("Asia/Shanghai"));
    private static final TenantId HUBEI = TenantId.of("hubei");
    private static final TenantId HYDROGEN = TenantId.of("hydrogen");

    /** The library section of the project's own hydrogen.json, read as the platform reads it. */
    static String hydrogenSection() {
        try {
            return TenantDescriptors.parse("hydrogen.json", Files.readString(Path.of("../../tenants/hydrogen.json"),
                    StandardCharsets.UTF_8)).settings(LibrarySettingsValidator.MODULE).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Row 10 of the sample export: CN202211359874.7 一种web端数据通用采集方法, granted invention. */
    private static PatentRecord grantedInvention() throws IOException {
        try (InputStream in = PatentAnalyzerTenantSettingsTest.class.getResourceAsStream("/org/ipop/library/demo/patents.csv");
                InventoryReader reader = InventoryReader.open(in, "patents.csv")) {
            return reader.stream().filter(InventoryRow.Valid.class::isInstance).map(InventoryRow.Valid.class::cast)
                    .map(InventoryRow.Valid::record)
                    .filter(record -> record.applicationNumber().equals("CN202211359874.7")).findFirst().orElseThrow();
        }
    }

    @Test
    void the_same_patent_gets_the_hydrogen_centres_weights_and_tier_and_the_defaults_elsewhere() throws Exception {
        Map<TenantId, String> sections = Map.of(HYDROGEN, hydrogenSection());
        PatentAnalyzer analyzer = new PatentAnalyzer(tenant -> Optional.ofNullable(sections.get(tenant)), JUNE_2025);
        PatentRecord patent = grantedInvention();

        AnalyzedPatent hubei = analyzer.analyze(HUBEI, patent, ScreeningStatus.ADMITTED);
        AnalyzedPatent hydrogen = analyzer.analyze(HYDROGEN, patent, ScreeningStatus.ADMITTED);

        // The defaults, as docs/valuation.md works this row out: 38.9, admitted but below B's 50, so C.
        assertEquals(38.9, hubei.value().total());
        assertEquals(0.30, hubei.value().weights().weight(ValueDimension.LEGAL), 1e-9);
        assertEquals("C", hubei.tier().code());
        // 氢能 weighs the legal dimension (where this patent is strong) at 0.40 and promotes admitted patents
        // from 40.
        assertEquals(0.40, hydrogen.value().weights().weight(ValueDimension.LEGAL), 1e-9);
        assertEquals(ValuationScenario.LICENSING_TRANSFER, hydrogen.value().scenario());
        assertEquals(47.9, hydrogen.value().total());
        assertEquals("B", hydrogen.tier().code());
        assertEquals("常规推广", hydrogen.tier().tier().nameZh());
        assertTrue(hydrogen.tier().reasonZh().startsWith("价值分 47.9 ≥ 40"), hydrogen.tier().reasonZh());

        // Before review neither policy promotes it.
        assertEquals("C", analyzer.analyze(HUBEI, patent).tier().code());
        assertEquals("C", analyzer.analyze(HYDROGEN, patent).tier().code());
    }

    @Test
    void a_changed_section_is_read_again_and_an_unchanged_one_is_not() throws Exception {
        AtomicReference<Optional<String>> section = new AtomicReference<>(Optional.empty());
        PatentAnalyzer analyzer = new PatentAnalyzer(tenant -> section.get(), JUNE_2025);
        PatentRecord patent = grantedInvention();

        assertEquals("C", analyzer.analyze(HUBEI, patent, ScreeningStatus.ADMITTED).tier().code());
        assertSame(analyzer.settings(HUBEI), analyzer.settings(HUBEI), "read once while unchanged");

        section.set(Optional.of("""
                {"tierPolicy": {
                   "tiers": [{"code": "A", "names": {"zh": "重点推广", "en": "Priority promotion"},
                              "minScore": 35, "screeningOutcomes": ["ADMITTED"]}],
                   "defaultTier": {"code": "C", "names": {"zh": "待评估", "en": "To be evaluated"}}}}"""));
        assertEquals("A", analyzer.analyze(HUBEI, patent, ScreeningStatus.ADMITTED).tier().code());

        section.set(Optional.empty());
        assertEquals("C", analyzer.analyze(HUBEI, patent, ScreeningStatus.ADMITTED).tier().code());
    }

    @Test
    void an_invalid_section_fails_the_analysis_naming_tenant_and_field_rather_than_using_the_defaults() {
        PatentAnalyzer analyzer = new PatentAnalyzer(tenant -> Optional.of(
                "{\"valuationWeights\": {\"FINANCE\": {\"dimensions\": {\"legal\": -1}}}}"), JUNE_2025);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> analyzer.analyze(HYDROGEN, grantedInvention()));
        assertEquals("The settings of tenant hydrogen are not valid: moduleSettings.resource-library.valuationWeights"
                + ".FINANCE.dimensions.legal: must be a number ≥ 0, not -1.0", refused.getMessage());
    }
}
