package org.ipop.library.ipc;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One IPC symbol down to the subgroup, for example {@code H04N 5/225}: section {@code H}, class {@code 04}, subclass
 * {@code N}, main group {@code 5}, subgroup {@code 225}. A main group itself is written with subgroup {@code 00}
 * ({@code B60L8/00}).
 *
 * <p>The subgroup is kept as its digit string because its digits are positional ({@code 225} lies under {@code 22},
 * {@code 003} under {@code 00}); trailing zeros after the second digit carry no meaning ({@code 20/800} is
 * {@code 20/80}, as fixed-width formats pad it) and are removed.
 *
 * @param section  section letter, {@code A}–{@code H}
 * @param clazz    class number, 1–99 (written with two digits)
 * @param subclass subclass letter, {@code A}–{@code Z}
 * @param group    main group number, 1–9999
 * @param subgroup subgroup digits, 2–6 of them ({@code "00"} for the main group itself)
 */
public record IpcCode(char section, int clazz, char subclass, int group, String subgroup) {

    /** A trailing edition such as {@code (2006.01)}, which exports append and classification ignores. */
    private static final Pattern EDITION = Pattern.compile("\\(\\s*\\d{4}\\s*\\.\\s*\\d{1,2}\\s*\\)\\s*$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /**
     * Separators of a code list: semicolons, commas and enumeration commas (full-width forms are folded to these
     * first), or whitespace before a letter — every code starts with its section letter, and the spaces inside one
     * code ({@code H04N 5/225 (2006.01)}) are never followed by a letter.
     */
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;,、]|\\s+(?=[A-Z])");

    public IpcCode {
        if (section < 'A' || section > 'H') {
            throw new IllegalArgumentException("IPC section must be A to H, not '" + section + "'");
        }
        if (clazz < 1 || clazz > 99) {
            throw new IllegalArgumentException("IPC class must be 01 to 99, not " + clazz);
        }
        if (subclass < 'A' || subclass > 'Z') {
            throw new IllegalArgumentException("IPC subclass must be a letter A to Z, not '" + subclass + "'");
        }
        if (group < 1 || group > 9999) {
            throw new IllegalArgumentException("IPC main group must be 1 to 9999, not " + group);
        }
        Objects.requireNonNull(subgroup, "subgroup");
        if (!isDigits(subgroup, 2, 6)) {
            throw new IllegalArgumentException("IPC subgroup must be 2 to 6 digits, not '" + subgroup + "'");
        }
        subgroup = normalizeSubgroup(subgroup);
    }

    /**
     * Reads one IPC code as patent databases and applicants write it: {@code B64U20/80}, {@code B64U 20/80},
     * {@code h04n5/225}, full-width {@code Ｈ０４Ｎ５／２２５}, with or without a trailing edition such as
     * {@code (2006.01)}.
     *
     * @throws IllegalArgumentException if the text is not an IPC code; the message says which part is wrong
     */
    public static IpcCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(text, "it is empty");
        }
        String s = WHITESPACE.matcher(EDITION.matcher(normalize(text)).replaceFirst("")).replaceAll("");
        if (s.isEmpty()) {
            throw invalid(text, "it holds only an edition, no code");
        }
        char section = s.charAt(0);
        if (section < 'A' || section > 'H') {
            throw invalid(text, "the section must be a letter from A to H, not '" + section + "'");
        }
        if (s.length() < 3 || !isDigits(s.substring(1, 3), 2, 2)) {
            throw invalid(text, "the class must be two digits after the section letter, not '"
                    + s.substring(1, Math.min(3, s.length())) + "'");
        }
        if (s.length() < 4 || s.charAt(3) < 'A' || s.charAt(3) > 'Z') {
            throw invalid(text, "the subclass letter is missing after the class " + s.substring(0, 3));
        }
        int slash = s.indexOf('/');
        String groupText = slash < 0 ? s.substring(4) : s.substring(4, slash);
        if (slash < 0 && groupText.isEmpty()) {
            throw invalid(text, s + " is only a subclass; a main group and subgroup are needed, e.g. "
                    + s + "1/00");
        }
        if (!isDigits(groupText, 1, 4) || Integer.parseInt(groupText) == 0) {
            throw invalid(text, "the main group must be a number of 1 to 4 digits after the subclass, not '"
                    + groupText + "'");
        }
        if (slash < 0) {
            throw invalid(text, "the subgroup is missing; write " + s + "/00 for the main group itself");
        }
        String subgroup = s.substring(slash + 1);
        if (!isDigits(subgroup, 2, 6)) {
            throw invalid(text, "the subgroup must be 2 to 6 digits after '/', not '" + subgroup + "'");
        }
        return new IpcCode(section, Integer.parseInt(s.substring(1, 3)), s.charAt(3),
                Integer.parseInt(groupText), subgroup);
    }

    /** Like {@link #parse(String)}, but empty instead of an exception for text that is not an IPC code. */
    public static Optional<IpcCode> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException notACode) {
            return Optional.empty();
        }
    }

    /**
     * Reads a list of IPC codes such as an export's 分类号 column: {@code H04N5/225;H04N5/232}, separated by
     * {@code ;}, {@code ；}, {@code ,}, {@code ，}, {@code 、} or whitespace, each code in any spelling
     * {@link #parse(String)} accepts (so {@code H04N 5/225 H04N 5/232} is two codes). Empty items are skipped.
     *
     * @throws IllegalArgumentException naming the first item that is not an IPC code
     */
    public static List<IpcCode> parseList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<IpcCode> codes = new ArrayList<>();
        for (String item : LIST_SEPARATOR.split(normalize(text))) {
            if (!item.isBlank()) {
                codes.add(parse(item));
            }
        }
        return List.copyOf(codes);
    }

    /** The code without spaces, as the platform stores it: {@code B64U20/80}. */
    public String canonical() {
        return subclassSymbol() + group + '/' + subgroup;
    }

    /** Section and class, e.g. {@code H04}. */
    public String classSymbol() {
        return section + (clazz < 10 ? "0" : "") + clazz;
    }

    /** Section, class and subclass, e.g. {@code H04N}. */
    public String subclassSymbol() {
        return classSymbol() + subclass;
    }

    @Override
    public String toString() {
        return canonical();
    }

    /** Folds full-width characters to ASCII (NFKC), upper-cases and trims: the common ground of every spelling. */
    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).strip();
    }

    /** Drops trailing zeros after the second digit: {@code 800} → {@code 80}, {@code 003} stays. */
    static String normalizeSubgroup(String digits) {
        int end = digits.length();
        while (end > 2 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }

    static boolean isDigits(String s, int minLength, int maxLength) {
        if (s.length() < minLength || s.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("'" + text + "' is not an IPC code: " + reason);
    }
}
