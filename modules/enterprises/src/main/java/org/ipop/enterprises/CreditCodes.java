package org.ipop.enterprises;

import java.util.Locale;
import java.util.Optional;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters — registration authority, entity
 * type, 6-digit administrative division, 9-character organisation code, and a check character computed over the
 * first 17 with weights 3^i mod 31 over the 31-character alphabet {@code 0-9 A-H J-N P-R T-U W-Y} (no I, O, S, V,
 * Z).
 */
public final class CreditCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    /** Upper case, without spaces: what users paste (有时带空格、小写). */
    public static String normalise(String text) {
        return text == null ? "" : text.replaceAll("[\\s\\u3000-]", "").toUpperCase(Locale.ROOT);
    }

    /** The check character of the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a credit-code character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /**
     * Why a (normalised) code is not valid, in Chinese and English, or empty if it is.
     */
    public static Optional<String> problem(String code) {
        if (code.length() != 18) {
            return Optional.of("统一社会信用代码应为 18 位，实为 " + code.length() + " 位 / must have 18 characters, has "
                    + code.length());
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("第 " + (i + 1) + " 位「" + code.charAt(i) + "」不是有效字符（不使用 I、O、S、V、Z）"
                        + " / character " + (i + 1) + " is not allowed (I, O, S, V and Z are never used)");
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Optional.of("校验位应为 " + expected + "，实为 " + code.charAt(17) + " / check character should be "
                    + expected + ", is " + code.charAt(17));
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return problem(normalise(code)).isEmpty();
    }
}
