package org.ipop.enterprises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GB 32100-2015 check characters, on real published codes and on the typing errors users make. */
class CreditCodesTest {

    @Test
    void real_codes_are_valid() {
        assertTrue(CreditCodes.isValid("91350100M000100Y43")); // the standard's own example
        assertTrue(CreditCodes.isValid("911100001000079554"));
        assertTrue(CreditCodes.isValid(" 91350100m000100y43 "), "lower case and spaces are normalised");
    }

    @Test
    void the_check_character_is_computed_over_the_first_seventeen() {
        assertEquals('3', CreditCodes.checkCharacter("91350100M000100Y4"));
        assertEquals('4', CreditCodes.checkCharacter("91110000100007955"));
    }

    @Test
    void a_wrong_check_character_is_refused_naming_the_expected_one() {
        assertFalse(CreditCodes.isValid("91350100M000100Y44"));
        assertTrue(CreditCodes.problem("91350100M000100Y44").orElseThrow().contains("校验位应为 3"));
    }

    @Test
    void a_transposition_is_caught() {
        assertFalse(CreditCodes.isValid("91351000M000100Y43"));
    }

    @Test
    void wrong_length_and_forbidden_letters_are_refused_with_the_reason() {
        assertTrue(CreditCodes.problem("9135010").orElseThrow().contains("18"));
        assertTrue(CreditCodes.problem("91350100M0001O0Y43").orElseThrow().contains("第 14 位「O」"));
    }
}
