package org.ipop.library.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.ipop.library.ipc.IpcCode;
import org.junit.jupiter.api.Test;

class SegmentTaggerTest {

    private static final SegmentTagger TAGGER = SegmentTagger.standard();

    private static List<SegmentTag> tag(String text, String... codes) {
        return TAGGER.tag(Arrays.stream(codes).map(IpcCode::parse).toList(), text);
    }

    private static List<SegmentTag> tagsOf(Catalog catalog, List<SegmentTag> tags) {
        return tags.stream().filter(tag -> tag.catalog() == catalog).toList();
    }

    private static List<String> branchCodes(Catalog catalog, List<SegmentTag> tags) {
        return tagsOf(catalog, tags).stream().map(SegmentTag::branchCode).toList();
    }

    private static Optional<SegmentTag> find(Catalog catalog, String parentName, String branchCode,
                                             List<SegmentTag> tags) {
        return tagsOf(catalog, tags).stream()
                .filter(tag -> tag.branchCode().equals(branchCode) && tag.parentName().equals(parentName))
                .findFirst();
    }

    private static SegmentTag sei(String branchCode, List<SegmentTag> tags) {
        return tagsOf(Catalog.SEI_2021, tags).stream().filter(tag -> tag.branchCode().equals(branchCode))
                .findFirst().orElseThrow(() -> new AssertionError("no SEI " + branchCode + " in " + tags));
    }

    // SEI 1.1 rule 1 covers G06F* but excludes G06F40*; SEI 1.5 rule 0 covers G06F40*.

    @Test
    void excluded_code_alone_does_not_match_the_rule() {
        assertEquals(List.of("1.5"), branchCodes(Catalog.SEI_2021, tag("", "G06F40/289")));
    }

    @Test
    void exclusions_apply_per_code_so_another_covered_code_still_matches() {
        SegmentTag tag = sei("1.1", tag("", "G06F40/289", "G06F16/901"));

        assertEquals(1, tag.evidence().ruleIndex());
        assertEquals("G06F*", tag.evidence().pattern());
        assertEquals(IpcCode.parse("G06F16/901"), tag.evidence().code());
    }

    @Test
    void keyword_in_the_text_confirms_the_tag() {
        SegmentTag tag = find(Catalog.KEY_DIGITAL_2023, "人工智能", "3.1",
                tag("一种中文分词方法", "G06F40/289")).orElseThrow();

        assertEquals("自然语言处理", tag.branchName());
        assertEquals(TagStrength.KEYWORD_CONFIRMED, tag.strength());
        assertEquals("分词", tag.evidence().keyword());
    }

    @Test
    void without_a_keyword_in_the_text_the_tag_rests_on_the_ipc_code_only() {
        SegmentTag tag = find(Catalog.KEY_DIGITAL_2023, "人工智能", "3.1",
                tag("一种数据处理方法", "G06F40/289")).orElseThrow();

        assertEquals(TagStrength.IPC_ONLY, tag.strength());
        assertNull(tag.evidence().keyword());
    }

    @Test
    void rule_without_keywords_is_ipc_only_whatever_the_text() {
        assertEquals(TagStrength.IPC_ONLY, sei("1.5", tag("人工智能 深度学习 神经网络", "G06F40/289")).strength());
    }

    @Test
    void keyword_exclusion_in_the_text_drops_the_rule() {
        // 新三样 1.2.3 rule 1: H02J7*, keyword 机动车, not 燃料汽车. 1.3.1: H02J7*, keyword 充电设备, no exclusion.
        List<SegmentTag> electric = tag("一种机动车充电设备", "H02J7/00");
        List<SegmentTag> fuel = tag("一种燃料汽车等机动车的充电设备", "H02J7/00");

        assertEquals(List.of("1.2.3", "1.3.1"),
                tagsOf(Catalog.XINSANYANG_2024, electric).stream()
                        .filter(tag -> tag.strength() == TagStrength.KEYWORD_CONFIRMED)
                        .map(SegmentTag::branchCode).toList());
        assertTrue(find(Catalog.XINSANYANG_2024, "电动汽车", "1.2.3", fuel).isEmpty());
        assertTrue(find(Catalog.XINSANYANG_2024, "电动汽车", "1.3.1", fuel).isPresent());
    }

    @Test
    void keyword_exclusions_apply_to_ipc_only_rules_too() {
        // 新三样 1.2.2 rule 0: B60L58*, no keywords (ipc_only), not 老年代步/摩托/非机动车/燃料汽车.
        SegmentTag car = find(Catalog.XINSANYANG_2024, "电动汽车", "1.2.2",
                tag("一种电动汽车电池包的温度控制方法", "B60L58/24")).orElseThrow();

        assertEquals(TagStrength.IPC_ONLY, car.strength());
        assertTrue(find(Catalog.XINSANYANG_2024, "电动汽车", "1.2.2",
                tag("一种电动摩托车电池包的温度控制方法", "B60L58/24")).isEmpty());
    }

    @Test
    void green_rule_covering_the_code_fully_is_confirmed_without_a_keyword() {
        SegmentTag tag = find(Catalog.GREEN_TECH, "污染控制与治理", "8.2.3", tag("", "E01H1/00")).orElseThrow();

        assertEquals("固体废弃物治理", tag.branchName());
        assertEquals(TagStrength.KEYWORD_CONFIRMED, tag.strength());
        assertNull(tag.evidence().keyword());
        assertEquals("E01H1/00*", tag.evidence().pattern());
    }

    @Test
    void green_rule_covering_the_code_partly_is_ipc_only() {
        assertEquals(TagStrength.IPC_ONLY,
                find(Catalog.GREEN_TECH, "污染控制与治理", "8.1.2", tag("", "G01N15/06")).orElseThrow().strength());
    }

    @Test
    void confirmed_rule_beats_an_earlier_ipc_only_rule_of_the_same_branch() {
        // 新三样 1.2.1.1 rule 0: H02K1*, keywords 电动汽车/机动车; rule 1: B60L*, keywords include 汽车电机.
        List<SegmentTag> tags = tag("一种汽车电机的冷却结构", "H02K1/20", "B60L50/00");
        SegmentTag tag = find(Catalog.XINSANYANG_2024, "电动汽车", "1.2.1.1", tags).orElseThrow();

        assertEquals(1, tagsOf(Catalog.XINSANYANG_2024, tags).stream()
                .filter(each -> each.branchCode().equals("1.2.1.1")).count());
        assertEquals(TagStrength.KEYWORD_CONFIRMED, tag.strength());
        assertEquals(1, tag.evidence().ruleIndex());
        assertEquals("汽车电机", tag.evidence().keyword());
        assertEquals(IpcCode.parse("B60L50/00"), tag.evidence().code());
    }

    @Test
    void among_equally_strong_rules_the_first_one_gives_the_tag() {
        SegmentTag confirmed = find(Catalog.XINSANYANG_2024, "电动汽车", "1.2.1.1",
                tag("一种电动汽车电机", "H02K1/20", "B60L50/00")).orElseThrow();
        SegmentTag ipcOnly = find(Catalog.XINSANYANG_2024, "电动汽车", "1.2.1.1",
                tag("一种电机", "B60L50/00", "H02K1/20")).orElseThrow();

        assertEquals(0, confirmed.evidence().ruleIndex());
        assertEquals("电动汽车", confirmed.evidence().keyword());
        assertEquals(0, ipcOnly.evidence().ruleIndex());
        assertEquals(IpcCode.parse("H02K1/20"), ipcOnly.evidence().code());
    }

    @Test
    void table_confirmed_rule_beats_a_partial_rule_matched_through_the_main_code() {
        // Green 8.1.1 rule 0: F01N11/00* 全部涉及; rule 1: G01N33/00* 部分涉及.
        SegmentTag tag = find(Catalog.GREEN_TECH, "污染控制与治理", "8.1.1",
                tag("", "G01N33/00", "F01N11/00")).orElseThrow();

        assertEquals(TagStrength.KEYWORD_CONFIRMED, tag.strength());
        assertEquals(0, tag.evidence().ruleIndex());
        assertEquals(IpcCode.parse("F01N11/00"), tag.evidence().code());
    }

    @Test
    void tags_are_sorted_by_catalog_then_strength_then_branch() {
        List<SegmentTag> tags = tag("设置有高清摄像头模组，充电设备与控制器联接",
                "H04N5/225", "H04N5/232", "H04N5/76", "H02J7/00");

        assertEquals(tags.stream().sorted(Comparator.comparing(SegmentTag::catalog)
                .thenComparing(SegmentTag::strength)).toList(), tags);
        assertEquals(List.of("8.1", "5.3"), branchCodes(Catalog.SEI_2021, tags));
        assertEquals(List.of("1.3.1", "1.2.3", "2.5.2"), branchCodes(Catalog.XINSANYANG_2024, tags));
    }

    @Test
    void key_digital_tags_name_their_subsystem_because_codes_repeat_across_subsystems() {
        List<SegmentTag> tags = tagsOf(Catalog.KEY_DIGITAL_2023, tag("", "G06F40/289"));

        assertTrue(tags.stream().allMatch(tag -> !tag.parentName().isEmpty()));
        assertTrue(find(Catalog.KEY_DIGITAL_2023, "人工智能", "1.1", tags).isPresent());
    }

    @Test
    void convenience_method_ignores_codes_it_cannot_read_and_searches_title_abstract_and_claim() {
        List<SegmentTag> expected = TAGGER.tag(List.of(IpcCode.parse("H02J7/00")), "标题\n摘要\n一种充电设备");

        assertEquals(expected, TAGGER.tag(List.of("B60L", "not a code", "", "Ｈ０２Ｊ ７／００"),
                "标题", "摘要", "一种充电设备"));
        assertEquals(TagStrength.KEYWORD_CONFIRMED,
                find(Catalog.XINSANYANG_2024, "电动汽车", "1.3.1", expected).orElseThrow().strength());
    }

    @Test
    void missing_texts_are_treated_as_empty() {
        assertEquals(TAGGER.tag(List.of(IpcCode.parse("H02J7/00")), ""),
                TAGGER.tag(List.of("H02J7/00"), null, null, null));
    }

    @Test
    void patent_without_codes_gets_no_tags() {
        assertEquals(List.of(), TAGGER.tag(List.of(), "一种电动汽车"));
    }

    @Test
    void explanation_says_which_code_pattern_rule_and_keyword_gave_the_tag() {
        SegmentTag confirmed = sei("8.1", tag("高清摄像头", "H04N5/225"));
        SegmentTag ipcOnly = sei("8.1", tag("摄像头", "H04N5/225"));

        assertEquals("分类号 H04N5/225 属于 H04N5*（第 2 条规则），文本含关键词「高清」", confirmed.explanation());
        assertTrue(ipcOnly.explanation().endsWith("仅凭分类号"), ipcOnly.explanation());
    }
}
