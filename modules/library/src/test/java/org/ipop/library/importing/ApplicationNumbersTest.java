package org.ipop.library.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Year;
import org.ipop.library.PatentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplicationNumbersTest {

    @Test
    void checkDigitIsTheWeightedSumModulo11() {
        // 2·2 + 0·3 + 2·4 + 2·5 + 2·6 + 3·7 + 2·8 + 2·9 + 0·2 + 6·3 + 6·4 + 5·5 = 156 = 14·11 + 2
        assertEquals('2', ApplicationNumbers.checkDigit("202223220665"));
    }

    @Test
    void checkDigitTenIsWrittenX() {
        assertEquals('X', ApplicationNumbers.checkDigit("202121635235"));
    }

    @Test
    void eightDigitNumbersUseTheWeights2To9() {
        // 0·2 + 1·3 + 2·4 + 3·5 + 4·6 + 5·7 + 6·8 + 7·9 = 196 = 17·11 + 9
        assertEquals('9', ApplicationNumbers.checkDigit("01234567"));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' → {1}")
    @CsvSource(delimiter = '|', value = {
            "CN202223220665.2     | CN202223220665.2",
            "202223220665.2       | CN202223220665.2",
            "2022232206652        | CN202223220665.2",
            "ZL202223220665.2     | CN202223220665.2",
            "cn202223220665.2     | CN202223220665.2",
            "zl 2022 2322 0665.2  | CN202223220665.2",
            "' CN 202223220665 . 2 ' | CN202223220665.2",
            "ＣＮ２０２２２３２２０６６５．２ | CN202223220665.2",
            "CN202223220665。2    | CN202223220665.2",
            "cn202121635235.x     | CN202121635235.X",
            "202121635235X        | CN202121635235.X",
            "CN01234567.9         | CN01234567.9",
            "012345679            | CN01234567.9",
            "ZL99100001.3         | CN99100001.3",
    })
    void normalisesEveryUsualSpellingToTheCanonicalForm(String input, String canonical) {
        assertEquals(canonical, ApplicationNumbers.normalise(input));
    }

    @Test
    void aWrongCheckDigitNamesTheRightOne() {
        var e = assertThrows(IllegalArgumentException.class, () -> ApplicationNumbers.normalise("CN202223220665.3"));
        assertEquals("校验位应为 2 / check digit should be 2", e.getMessage());
    }

    @Test
    void aMissingCheckDigitIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> ApplicationNumbers.normalise("CN202223220665"));
        assertEquals("缺少校验位，应为 2 / the check digit is missing, it should be 2", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''", "CN", "CN20222322066.2", "CN2022232206650.2", "CN202223220665.A", "US202223220665.2",
            "CN202223220665-2", "申请号"})
    void refusesWhatIsNoApplicationNumber(String input) {
        var e = assertThrows(IllegalArgumentException.class, () -> ApplicationNumbers.normalise(input));
        assertTrue(e.getMessage().contains(" / "), "a Chinese / English reason: " + e.getMessage());
    }

    @Test
    void refusesAYearBeforeThePatentLaw() {
        var e = assertThrows(IllegalArgumentException.class, () -> ApplicationNumbers.normalise("CN198410012345.7"));
        assertTrue(e.getMessage().contains("filing year 1984 is impossible"), e.getMessage());
    }

    @Test
    void refusesAYearAfterThisOne() {
        String digits = (Year.now().getValue() + 1) + "10012345";
        String number = digits + "." + ApplicationNumbers.checkDigit(digits);
        var e = assertThrows(IllegalArgumentException.class, () -> ApplicationNumbers.normalise(number));
        assertTrue(e.getMessage().contains("is impossible"), e.getMessage());
    }

    @Test
    void refusesATypeDigitThatDoesNotExist() {
        var e = assertThrows(IllegalArgumentException.class, () -> ApplicationNumbers.normalise("CN202240012345.X"));
        assertTrue(e.getMessage().contains("type digit 4 (position 5) does not exist"), e.getMessage());
    }

    @Test
    void refusesAnEightDigitNumberOfAYearWithoutThem() {
        // 8-digit numbers were issued from 1985 to 2003: year 50 is impossible.
        var e = assertThrows(IllegalArgumentException.class, () -> ApplicationNumbers.normalise("CN50123456.X"));
        assertTrue(e.getMessage().contains("year 50"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "CN202211740332.4, INVENTION",
            "CN202180012345.7, INVENTION",
            "CN202223220665.2, UTILITY_MODEL",
            "CN202190012345.2, UTILITY_MODEL",
            "CN202130012345.X, DESIGN",
            "CN88200123.X,     UTILITY_MODEL",
            "CN93300045.6,     DESIGN",
    })
    void theTypeDigitTellsTheKindOfPatent(String number, PatentType type) {
        assertEquals(type, ApplicationNumbers.typeOf(number));
    }
}
