package org.ipop.library.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ipop.library.ipc.IpcPattern.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpcPatternTest {

    private static boolean covers(String pattern, String code) {
        return IpcPattern.parse(pattern).matches(IpcCode.parse(code));
    }

    @Test
    void group_wildcard_covers_the_main_group_and_all_its_subgroups() {
        assertEquals(Scope.MAIN_GROUP, IpcPattern.parse("B60L8*").scope());
        assertTrue(covers("B60L8*", "B60L8/00"));
        assertTrue(covers("B60L8*", "B60L8/003"));
        assertTrue(covers("B60L8*", "B60L8/36"));
    }

    @Test
    void group_wildcard_does_not_cover_a_longer_group_number() {
        assertFalse(covers("B60L8*", "B60L80/00"));
        assertFalse(covers("G06F11*", "G06F1/16"));
        assertFalse(covers("G06F1*", "G06F11/00"));
        assertFalse(covers("G06F1*", "G06F16/901"));
    }

    @Test
    void exact_subgroup_does_not_cover_a_longer_subgroup() {
        assertEquals(Scope.EXACT, IpcPattern.parse("G06F9/44").scope());
        assertTrue(covers("G06F9/44", "G06F9/44"));
        assertFalse(covers("G06F9/44", "G06F9/445"));
        assertFalse(covers("G06F9/44", "G06F9/4401"));
    }

    @Test
    void exact_main_group_covers_only_the_main_group_itself() {
        assertTrue(covers("G06N3/00", "G06N3/00"));
        assertFalse(covers("G06N3/00", "G06N3/02"));
        assertFalse(covers("G06N3/00", "G06N3/004"));
    }

    @Test
    void subgroup_wildcard_covers_subgroups_that_start_with_its_digits() {
        assertEquals(Scope.SUBGROUP_TREE, IpcPattern.parse("E02D17/20*").scope());
        assertTrue(covers("E02D17/20*", "E02D17/20"));
        assertTrue(covers("E02D17/20*", "E02D17/202"));
        assertTrue(covers("G06F3/048*", "G06F3/04883"));
        assertFalse(covers("E02D17/20*", "E02D17/22"));
        assertFalse(covers("E02D17/20*", "E02D17/02"));
        assertFalse(covers("E02D17/20*", "E02D18/20"));
        assertFalse(covers("E02D17/20*", "E02D1/20"));
    }

    @Test
    void main_group_wildcard_written_with_slash_00_covers_the_whole_main_group() {
        assertEquals(Scope.MAIN_GROUP, IpcPattern.parse("E21F15/00*").scope());
        assertTrue(covers("E21F15/00*", "E21F15/00"));
        assertTrue(covers("E21F15/00*", "E21F15/02"));
        assertFalse(covers("E21F15/00*", "E21F16/00"));
    }

    @Test
    void subclass_wildcard_covers_the_whole_subclass_and_nothing_else() {
        assertEquals(Scope.SUBCLASS, IpcPattern.parse("B41J*").scope());
        assertTrue(covers("B41J*", "B41J2/01"));
        assertTrue(covers("B41J*", "B41J29/393"));
        assertFalse(covers("B41J*", "B41K1/00"));
        assertFalse(covers("B41J*", "B42J1/00"));
        assertFalse(covers("B41J*", "C41J1/00"));
    }

    @Test
    void class_wildcard_covers_every_subclass_of_the_class() {
        assertEquals(Scope.CLASS, IpcPattern.parse("C08*").scope());
        assertTrue(covers("C08*", "C08L1/00"));
        assertTrue(covers("C08*", "C08F2/00"));
        assertFalse(covers("C08*", "C09D1/00"));
        assertFalse(covers("C08*", "A08B1/00"));
    }

    @Test
    void subclass_or_group_printed_without_star_means_the_whole_subclass_or_group() {
        assertEquals(Scope.SUBCLASS, IpcPattern.parse("G16H").scope());
        assertTrue(covers("G16H", "G16H10/60"));
        assertEquals(Scope.MAIN_GROUP, IpcPattern.parse("H03M13").scope());
        assertTrue(covers("H03M13", "H03M13/11"));
        assertFalse(covers("H03M13", "H03M1/12"));
    }

    @Test
    void pattern_spelling_is_normalized() {
        assertTrue(covers("b60l 8*", "B60L8/003"));
        assertEquals("B60L8*", IpcPattern.parse("b60l 8*").text());
        assertEquals(IpcPattern.parse("B60L8*"), IpcPattern.parse("b60l 8*"));
    }

    @Test
    void index_symbol_is_the_class_for_class_patterns_and_the_subclass_otherwise() {
        assertEquals("C08", IpcPattern.parse("C08*").indexSymbol());
        assertEquals("B41J", IpcPattern.parse("B41J*").indexSymbol());
        assertEquals("A01B", IpcPattern.parse("A01B1/00").indexSymbol());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "B6*", "X01B*", "B60L8/*", "B60L8/0", "B60L8**", "B60L 8/00 9/00"})
    void malformed_patterns_are_rejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> IpcPattern.parse(text));
    }
}
