package org.ipop.library.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.ipop.kernel.TenantId;
import org.ipop.library.PatentDetail;
import org.ipop.library.application.PatentAnalyzer;
import org.ipop.library.domain.AnalyzedPatent;
import org.ipop.library.importing.InventoryReader;
import org.ipop.library.importing.InventoryRow;
import org.ipop.library.tagging.SegmentTag;
import org.ipop.library.tagging.TagEvidence;
import org.ipop.library.tagging.TagStrength;
import org.ipop.library.valuation.ValueScore;
import org.junit.jupiter.api.Test;

/**
 * Analyses are stored compactly (one string per tag and indicator, without what can be derived: catalogue names,
 * explanations, indicator names); the detail view must still show exactly what the analysis said, and documents
 * written in the earlier layouts (a sub-document per tag and indicator, with or without the derived fields) must
 * still read as they were written.
 */
class AnalysisDocumentsTest {

    private static List<AnalyzedPatent> analysedSample() throws IOException {
        byte[] csv;
        try (InputStream in = AnalysisDocumentsTest.class.getResourceAsStream("/org/ipop/library/demo/patents.csv")) {
            csv = in.readAllBytes();
        }
        PatentAnalyzer analyzer = new PatentAnalyzer(tenant -> Optional.empty(), Clock.systemUTC());
        List<AnalyzedPatent> analysed = new ArrayList<>();
        try (InventoryReader reader = InventoryReader.open(new ByteArrayInputStream(csv), "patents.csv")) {
            for (InventoryRow row : reader) {
                analysed.add(analyzer.analyze(TenantId.of("hubei"), ((InventoryRow.Valid) row).record()));
            }
        }
        return analysed;
    }

    private static Document stored(AnalyzedPatent patent) {
        return new Document("_id", patent.record().applicationNumber()).append("institution", "中科大数据研究院")
                .append("biblio", PatentDocuments.biblio(patent.record()))
                .append("analysis", AnalysisDocuments.analysis(patent)).append("status", "INVENTORIED")
                .append("published", false);
    }

    @Test
    void the_detail_view_shows_every_tag_and_indicator_as_analysed() throws IOException {
        List<AnalyzedPatent> sample = analysedSample();
        assertEquals(10, sample.size());
        int tags = 0;
        for (AnalyzedPatent patent : sample) {
            PatentDetail detail = PatentViews.detail(stored(patent));
            assertEquals(patent.tags().size(), detail.tags().size());
            for (int i = 0; i < patent.tags().size(); i++) {
                SegmentTag tag = patent.tags().get(i);
                PatentDetail.Tag shown = detail.tags().get(i);
                assertEquals(tag.catalog().name(), shown.catalog());
                assertEquals(tag.catalog().chineseName(), shown.catalogName());
                assertEquals(tag.branchCode() + " " + tag.branchName() + " " + tag.parentName(),
                        shown.branchCode() + " " + shown.branchName() + " " + shown.parentName());
                assertEquals(tag.strength().name(), shown.strength());
                assertEquals(tag.evidence().keyword(), shown.keyword());
                assertEquals(tag.explanation(), shown.explanation());
                tags++;
            }
            List<ValueScore.Indicator> indicators = patent.value().indicators();
            assertEquals(indicators.size(), detail.value().indicators().size());
            for (int i = 0; i < indicators.size(); i++) {
                ValueScore.Indicator indicator = indicators.get(i);
                PatentDetail.Indicator shown = detail.value().indicators().get(i);
                assertEquals(indicator.dimension().name(), shown.dimension());
                assertEquals(indicator.nameZh(), shown.nameZh());
                assertEquals(indicator.nameEn(), shown.nameEn());
                assertEquals(indicator.rawInput(), shown.input());
                assertEquals(indicator.contribution(), shown.contribution(), 1e-9);
            }
        }
        assertTrue(tags > 10, "the sample's patents have tags");
    }

    @Test
    void each_tag_and_indicator_is_stored_as_one_string_without_derived_fields() throws IOException {
        AnalyzedPatent patent = analysedSample().stream().filter(p -> !p.tags().isEmpty()).findFirst().orElseThrow();
        Document analysis = stored(patent).get("analysis", Document.class);
        List<?> tags = analysis.getList("tags", Object.class);
        assertEquals(patent.tags().size(), tags.size());
        for (Object tag : tags) {
            String packed = assertInstanceOf(String.class, tag);
            assertFalse(packed.contains(patent.tags().getFirst().catalog().chineseName()), packed);
            assertFalse(packed.contains("属于"), "no explanation: " + packed);
        }
        List<?> indicators = analysis.get("value", Document.class).getList("indicators", Object.class);
        assertEquals(patent.value().indicators().size(), indicators.size());
        for (Object indicator : indicators) {
            assertFalse(assertInstanceOf(String.class, indicator).contains(
                    patent.value().indicators().getFirst().nameZh()));
        }
    }

    @Test
    void an_item_whose_text_contains_the_separator_is_stored_as_a_sub_document_and_reads_the_same()
            throws IOException {
        AnalyzedPatent sample = analysedSample().stream().filter(p -> !p.tags().isEmpty()).findFirst().orElseThrow();
        SegmentTag first = sample.tags().getFirst();
        String keyword = "关键\u001F词";
        SegmentTag odd = new SegmentTag(first.catalog(), first.branchCode(), first.branchName(), first.parentName(),
                first.strength(), new TagEvidence(first.evidence().ruleIndex(), first.evidence().pattern(),
                        first.evidence().code(), keyword));
        AnalyzedPatent patent = new AnalyzedPatent(sample.record(), List.of(odd, first), sample.value(),
                sample.tier());
        Document analysis = stored(patent).get("analysis", Document.class);
        assertInstanceOf(Document.class, analysis.getList("tags", Object.class).get(0));
        assertInstanceOf(String.class, analysis.getList("tags", Object.class).get(1));
        PatentDetail detail = PatentViews.detail(stored(patent));
        assertEquals(keyword, detail.tags().get(0).keyword());
        assertEquals(odd.explanation(), detail.tags().get(0).explanation());
        assertEquals(first.explanation(), detail.tags().get(1).explanation());
    }

    @Test
    void a_tag_without_keyword_reads_back_without_one() throws IOException {
        AnalyzedPatent patent = analysedSample().stream()
                .filter(p -> p.tags().stream().anyMatch(tag -> tag.evidence().keyword() == null)).findFirst()
                .orElseThrow();
        PatentDetail detail = PatentViews.detail(stored(patent));
        for (int i = 0; i < patent.tags().size(); i++) {
            assertEquals(patent.tags().get(i).evidence().keyword(), detail.tags().get(i).keyword());
            assertEquals(patent.tags().get(i).evidence().pattern(), detail.tags().get(i).pattern());
            assertEquals(patent.tags().get(i).evidence().code().canonical(), detail.tags().get(i).matchedIpc());
        }
    }

    @Test
    void documents_of_the_earlier_layout_read_as_written() {
        Document tag = new Document("catalog", "SEI_2021").append("catalogName", "旧目录名")
                .append("branchCode", "8.1").append("branchName", "数字创意技术设备制造")
                .append("parentName", "数字创意产业").append("strength", "KEYWORD_CONFIRMED").append("rule", 0)
                .append("pattern", "H04N5*").append("matchedIpc", "H04N5/225").append("keyword", "摄像头")
                .append("explanation", "当时写下的说明");
        Document indicator = new Document("dimension", "LEGAL").append("code", "legalStatus")
                .append("nameZh", "法律状态（旧）").append("nameEn", "Legal status (old)").append("input", "有权")
                .append("score", 100.0).append("weight", 0.3).append("contribution", 12.0);
        Document doc = new Document("_id", "CN201910000001.X").append("institution", "某大学")
                .append("biblio", new Document("title", "一种摄像头").append("applicationNumber", "201910000001X"))
                .append("analysis", new Document("tags", List.of(tag)).append("value", new Document("total", 60.0)
                        .append("indicators", List.of(indicator))).append("tier", "B"))
                .append("status", "INVENTORIED");
        PatentDetail detail = PatentViews.detail(doc);
        assertEquals("旧目录名", detail.tags().getFirst().catalogName());
        assertEquals("当时写下的说明", detail.tags().getFirst().explanation());
        assertEquals("法律状态（旧）", detail.value().indicators().getFirst().nameZh());
        assertNull(detail.spotCheckedAt());
    }

    @Test
    void sub_documents_without_derived_fields_read_as_written() {
        Document tag = new Document("catalog", "SEI_2021").append("branchCode", "8.1")
                .append("branchName", "数字创意技术设备制造").append("parentName", "数字创意产业")
                .append("strength", "IPC_ONLY").append("rule", 1).append("pattern", "H04N5*")
                .append("matchedIpc", "H04N5/225");
        Document indicator = new Document("code", "legalStatus").append("input", "有权").append("score", 100.0)
                .append("weight", 0.3).append("contribution", 12.0);
        Document analysis = new Document("tags", List.of(tag)).append("value", new Document("total", 60.0)
                .append("indicators", List.of(indicator))).append("tier", "B");
        PatentDetail detail = PatentViews.detail(new Document("_id", "CN201910000001.X")
                .append("biblio", new Document("title", "一种摄像头").append("applicationNumber", "201910000001X"))
                .append("analysis", analysis)
                .append("status", "INVENTORIED"));
        PatentDetail.Tag shown = detail.tags().getFirst();
        assertEquals("8.1 数字创意技术设备制造 数字创意产业 H04N5/225",
                shown.branchCode() + " " + shown.branchName() + " " + shown.parentName() + " " + shown.matchedIpc());
        assertEquals(SegmentTag.explanation(TagStrength.IPC_ONLY, 1, "H04N5*", "H04N5/225", null),
                shown.explanation());
        assertNull(shown.keyword());
        assertEquals(12.0, detail.value().indicators().getFirst().contribution());
        assertEquals(List.of("SEI_2021:8.1 数字创意技术设备制造"), PatentViews.headlineSegments(analysis));
    }
}
