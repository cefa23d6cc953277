package org.ipop.library.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class KeywordTermTest {

    private static List<String> terms(String... phrases) {
        return KeywordTerm.derive(List.of(phrases)).stream().map(KeywordTerm::term).toList();
    }

    private static boolean occurs(String term, String text) {
        return KeywordTerm.of(term).occursIn(new SearchText(text));
    }

    @Test
    void sei_phrase_is_split_into_terms_without_generic_suffixes() {
        assertEquals(List.of("可穿戴智能", "智能无人飞行器", "智能感知与控制设备", "智能消费"),
                terms("可穿戴智能设备制造；智能无人飞行器制造；智能感知与控制设备等其他智能消费设备制造"));
    }

    @Test
    void phrase_is_split_on_every_separator_in_ascii_and_full_width() {
        assertEquals(List.of("光纤宽带运营", "移动话音", "移动数据通信", "电信"),
                terms("光纤宽带运营服务;移动话音服务、移动数据通信服务等其他电信服务"));
        assertEquals(List.of("高清", "超高清广播电视制播设备"), terms("高清/超高清广播电视制播设备"));
        assertEquals(List.of("人脑", "杏仁核"), terms("人脑，杏仁核,等"));
    }

    @Test
    void deng_inside_plasma_is_not_a_separator() {
        assertEquals(List.of("自动半自动电弧", "等离子弧焊接机", "金属切割及焊接"),
                terms("自动半自动电弧、等离子弧焊接机等金属切割及焊接设备制造"));
    }

    @Test
    void generic_suffix_is_kept_when_less_than_two_characters_would_remain() {
        assertEquals(List.of("生物", "核技术"), terms("生物技术、核技术"));
    }

    @Test
    void single_characters_and_bare_generic_words_are_dropped() {
        assertEquals(List.of("高纯", "超高纯铅"), terms("高纯、超高纯铅、锡、锌"));
        assertEquals(List.of(), terms("服务、技术、生产、处理"));
    }

    @Test
    void bracketed_asides_and_placeholder_suffixes_are_removed() {
        assertEquals(List.of("钻井船"), terms("钻井船（驳）"));
        assertEquals(List.of("平行链", "区块链"), terms("平行链等区块链相关关键词"));
    }

    @Test
    void duplicate_terms_are_kept_once() {
        assertEquals(List.of("电动汽车", "机动车"), terms("电动汽车", "机动车", "电动汽车"));
    }

    @Test
    void latin_terms_match_regardless_of_case_and_width() {
        assertTrue(occurs("zigbee", "基于ZigBee的传感网"));
        assertTrue(occurs("GPU", "采用ＧＰＵ加速"));
        assertEquals("GPU", KeywordTerm.of("GPU").term());
    }

    @Test
    void latin_terms_must_not_be_glued_to_other_letters_or_digits() {
        assertFalse(occurs("PE", "PET薄膜"));
        assertTrue(occurs("PE", "PE隔膜"));
        assertTrue(occurs("PE", "采用PET与PE复合"));
        assertFalse(occurs("8英寸晶圆", "18英寸晶圆"));
        assertTrue(occurs("8英寸晶圆", "一种8英寸晶圆"));
    }

    @Test
    void chinese_terms_match_as_substrings() {
        assertTrue(occurs("高清", "设置有高清摄像头模组"));
        assertFalse(occurs("组网", "互联网新闻文本"));
    }
}
