package org.ipop.library.importing;

import java.text.Normalizer;
import java.time.Year;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ipop.library.PatentType;

/**
 * Chinese patent application numbers (申请号): normalisation to one canonical form, and validation.
 *
 * <p>Two formats exist. Since 1 October 2003 a number has 12 digits: the filing year (4), the type (1) and a serial
 * number (7), e.g. {@code 2022 2 3220665}. Before, it had 8 digits: a two-digit year, the type and a serial number
 * of 5, e.g. {@code 01 2 34567}. Either is followed by a check digit computed from the others, which CNIPA prints
 * after a dot. The canonical form here is {@code CN} + digits + {@code .} + check digit: {@code CN202223220665.2}.
 *
 * <p>Type digits: 1 invention, 2 utility model, 3 design; 8 and 9 are PCT applications entering the national
 * phase as an invention or a utility model.
 */
public final class ApplicationNumbers {

    /** The weights of the check digit, applied from the first digit on; 8-digit numbers use the first eight. */
    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

    /** Digits (8 or 12) and the check digit, with or without the dot, once the prefix is removed. */
    private static final Pattern NUMBER = Pattern.compile("(\\d{12}|\\d{8})\\.?([0-9X])");
    private static final Pattern WITHOUT_CHECK_DIGIT = Pattern.compile("\\d{12}|\\d{8}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final int FIRST_YEAR = 1985; // the Chinese patent law took effect on 1 April 1985

    private ApplicationNumbers() {
    }

    /**
     * Normalises an application number as users type or databases export it — {@code CN202223220665.2},
     * {@code 202223220665.2}, {@code 2022232206652}, {@code ZL202223220665.2} (the 专利号 of a granted patent),
     * lower case, spaces, full-width characters, old 8-digit numbers — to {@code CN202223220665.2}.
     *
     * @throws IllegalArgumentException with a reason for the user (Chinese / English) if it is not a valid number
     */
    public static String normalise(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("申请号为空 / the application number is empty");
        }
        // NFKC folds full-width digits, letters and the full-width dot (．) into ASCII; 。 is the ideographic full
        // stop a Chinese input method types for a dot.
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).replace('。', '.');
        String compact = SPACES.matcher(folded).replaceAll("").toUpperCase(Locale.ROOT);
        String digits = compact.startsWith("CN") || compact.startsWith("ZL") ? compact.substring(2) : compact;
        Matcher matcher = NUMBER.matcher(digits);
        if (!matcher.matches()) {
            if (WITHOUT_CHECK_DIGIT.matcher(digits).matches()) {
                throw new IllegalArgumentException("缺少校验位，应为 " + checkDigit(digits)
                        + " / the check digit is missing, it should be " + checkDigit(digits));
            }
            throw new IllegalArgumentException("不是有效的中国专利申请号（例如 CN202223220665.2）"
                    + " / not a Chinese application number (e.g. CN202223220665.2)");
        }
        String body = matcher.group(1);
        char expected = checkDigit(body);
        if (matcher.group(2).charAt(0) != expected) {
            throw new IllegalArgumentException("校验位应为 " + expected + " / check digit should be " + expected);
        }
        checkPlausible(body);
        return "CN" + body + "." + expected;
    }

    /**
     * The check digit of 12 or 8 digits: each digit times its weight (2, 3, … 9, 2, 3, 4, 5), the sum modulo 11;
     * a remainder of 10 is written {@code X}.
     */
    public static char checkDigit(String digits) {
        if (!WITHOUT_CHECK_DIGIT.matcher(digits).matches()) {
            throw new IllegalArgumentException("expected 8 or 12 digits: " + digits);
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    /**
     * The kind of patent an application number denotes, from its type digit: 1 or 8 invention, 2 or 9 utility
     * model, 3 design. Accepts every form {@link #normalise} accepts.
     */
    public static PatentType typeOf(String applicationNumber) {
        String canonical = normalise(applicationNumber);
        return typeOfDigit(typeDigit(canonical.substring(2, canonical.indexOf('.'))));
    }

    /** The type digit: the 5th of a 12-digit number, the 3rd of an 8-digit one (after the year in both). */
    private static char typeDigit(String body) {
        return body.charAt(body.length() == 12 ? 4 : 2);
    }

    private static PatentType typeOfDigit(char digit) {
        return switch (digit) {
            case '1', '8' -> PatentType.INVENTION;
            case '2', '9' -> PatentType.UTILITY_MODEL;
            case '3' -> PatentType.DESIGN;
            default -> throw new IllegalStateException("normalise admits type digits 1, 2, 3, 8, 9 only: " + digit);
        };
    }

    /**
     * A number whose check digit is right may still be invented: the year must lie between 1985 and this year and
     * the type digit must exist. Old 8-digit numbers were issued from 1985 to September 2003.
     */
    private static void checkPlausible(String body) {
        if (body.length() == 12) {
            int year = Integer.parseInt(body.substring(0, 4));
            int thisYear = Year.now().getValue();
            if (year < FIRST_YEAR || year > thisYear) {
                throw new IllegalArgumentException("申请年份 " + year + " 不可能（应在 " + FIRST_YEAR + "–" + thisYear
                        + " 之间）/ filing year " + year + " is impossible (expected " + FIRST_YEAR + "–" + thisYear
                        + ")");
            }
        } else {
            int year = Integer.parseInt(body.substring(0, 2));
            if (year > 3 && year < 85) {
                throw new IllegalArgumentException("8 位申请号的年份 " + body.substring(0, 2)
                        + " 不可能（应在 85–03 之间）/ year " + body.substring(0, 2)
                        + " of an 8-digit number is impossible (expected 85–03)");
            }
        }
        char type = typeDigit(body);
        if ("12389".indexOf(type) < 0) {
            int position = body.length() == 12 ? 5 : 3;
            throw new IllegalArgumentException("第 " + position + " 位专利类型码 " + type
                    + " 不存在（应为 1、2、3、8 或 9）/ type digit " + type + " (position " + position
                    + ") does not exist (expected 1, 2, 3, 8 or 9)");
        }
    }
}
