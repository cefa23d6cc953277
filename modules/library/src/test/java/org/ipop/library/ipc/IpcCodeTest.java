package org.ipop.library.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpcCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"B64U20/80", "B64U 20/80", "b64u20/80", " B64U  20 / 80 ", "Ｂ６４Ｕ２０／８０",
            "B64U20/80(2006.01)", "B64U 20/80 (2023.01)", "B64U20/80（2023.01）", "B64U20/800"})
    void common_spellings_read_as_the_same_code(String spelling) {
        IpcCode code = IpcCode.parse(spelling);

        assertEquals(new IpcCode('B', 64, 'U', 20, "80"), code);
        assertEquals("B64U20/80", code.canonical());
    }

    @Test
    void code_is_split_into_section_class_subclass_group_and_subgroup() {
        IpcCode code = IpcCode.parse("Ｈ０４Ｎ５／２２５");

        assertEquals('H', code.section());
        assertEquals(4, code.clazz());
        assertEquals('N', code.subclass());
        assertEquals(5, code.group());
        assertEquals("225", code.subgroup());
        assertEquals("H04N5/225", code.canonical());
        assertEquals("H04", code.classSymbol());
        assertEquals("H04N", code.subclassSymbol());
    }

    @Test
    void subgroup_keeps_leading_zeros_and_drops_meaningless_trailing_ones() {
        assertEquals("003", IpcCode.parse("B60L8/003").subgroup());
        assertEquals("00", IpcCode.parse("B60L8/00").subgroup());
        assertEquals("80", IpcCode.parse("B64U20/8000").subgroup());
    }

    @Test
    void class_below_ten_is_written_with_two_digits() {
        assertEquals("A01B1/00", IpcCode.parse("a01b 1/00").canonical());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "B6U20/80      | the class must be two digits",
            "X01B1/00      | the section must be a letter from A to H, not 'X'",
            "B60L          | B60L is only a subclass",
            "B60           | the subclass letter is missing",
            "B60L8         | the subgroup is missing",
            "B60L8/0       | the subgroup must be 2 to 6 digits",
            "B60L8/00X     | the subgroup must be 2 to 6 digits",
            "B60L12345/00  | the main group must be a number of 1 to 4 digits",
            "B60L0/00      | the main group must be a number of 1 to 4 digits",
            "(2006.01)     | only an edition"})
    void invalid_codes_are_rejected_with_the_reason(String text, String reason) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> IpcCode.parse(text));

        assertTrue(error.getMessage().contains(reason), error.getMessage());
        assertTrue(error.getMessage().contains(text), "names the input: " + error.getMessage());
    }

    @Test
    void empty_and_missing_text_is_rejected_as_empty() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IpcCode.parse("  ")).getMessage()
                .contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IpcCode.parse(null)).getMessage()
                .contains("empty"));
    }

    @Test
    void try_parse_gives_empty_instead_of_an_exception() {
        assertEquals(Optional.of(IpcCode.parse("G06F16/33")), IpcCode.tryParse("G06F 16/33"));
        assertEquals(Optional.empty(), IpcCode.tryParse("B60L"));
        assertEquals(Optional.empty(), IpcCode.tryParse(null));
    }

    @Test
    void list_is_split_on_semicolons_commas_and_whitespace_in_ascii_and_full_width() {
        List<IpcCode> expected = List.of(IpcCode.parse("G06F40/289"), IpcCode.parse("G06F16/901"),
                IpcCode.parse("H04L9/40"));

        assertEquals(expected, IpcCode.parseList("G06F40/289;G06F16/901;H04L9/40"));
        assertEquals(expected, IpcCode.parseList("G06F40/289；G06F16/901，H04L9/40"));
        assertEquals(expected, IpcCode.parseList("G06F40/289, G06F16/901,H04L9/40;"));
        assertEquals(expected, IpcCode.parseList("G06F40/289 G06F16/901  H04L9/40"));
    }

    @Test
    void list_items_may_contain_spaces_and_editions() {
        assertEquals(List.of(IpcCode.parse("H04N5/225"), IpcCode.parse("H04N5/232")),
                IpcCode.parseList("H04N 5/225 (2006.01) H04N 5/232 (2006.01)"));
    }

    @Test
    void empty_list_has_no_codes() {
        assertEquals(List.of(), IpcCode.parseList(""));
        assertEquals(List.of(), IpcCode.parseList(null));
        assertEquals(List.of(), IpcCode.parseList(" ; ；"));
    }

    @Test
    void list_with_an_invalid_item_is_rejected_naming_the_item() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> IpcCode.parseList("H04N5/225;B6U20/80"));

        assertTrue(error.getMessage().contains("B6U20/80"), error.getMessage());
    }

    @Test
    void constructor_rejects_out_of_range_fields() {
        assertThrows(IllegalArgumentException.class, () -> new IpcCode('I', 1, 'A', 1, "00"));
        assertThrows(IllegalArgumentException.class, () -> new IpcCode('A', 0, 'A', 1, "00"));
        assertThrows(IllegalArgumentException.class, () -> new IpcCode('A', 1, 'a', 1, "00"));
        assertThrows(IllegalArgumentException.class, () -> new IpcCode('A', 1, 'A', 0, "00"));
        assertThrows(IllegalArgumentException.class, () -> new IpcCode('A', 1, 'A', 1, "0"));
    }
}
