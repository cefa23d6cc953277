package org.ipop.library.tagging;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A term searched for in a patent's text to confirm a concordance rule (or, for 新三样 keyword exclusions, to
 * rule it out).
 *
 * <p>The tables' keyword column is written for people: the SEI table has one long phrase per row such as
 * {@code 可穿戴智能设备制造；智能无人飞行器制造；智能感知与控制设备等其他智能消费设备制造}, the other tables short lists.
 * {@link #derive(List)} turns phrases into terms that can occur in a patent text, with these steps, in order:
 * <ol>
 * <li>fold full-width characters to ASCII (NFKC), so {@code ；} and {@code ;} are one separator;</li>
 * <li>drop bracketed asides: {@code 钻井船（驳）} → {@code 钻井船};</li>
 * <li>split on {@code ；;、，,/} and on {@code 等} ("and so on") — except in 等离子 (plasma), the only word of the
 *     tables that contains it;</li>
 * <li>drop a leading 其他/其它 ("other …"), and then one generic trailing word, the longest of
 *     {@value #GENERIC_SUFFIXES_TEXT} — each only when at least two characters remain, so 智能无人飞行器制造 →
 *     智能无人飞行器 and 可穿戴智能设备制造 → 可穿戴智能, but 核技术 stays 核技术;</li>
 * <li>drop terms shorter than two characters (the split leaves single elements such as 锡 or 水, which occur in
 *     almost any text), and terms that are nothing but a generic word — one of the suffixes above or one of the few
 *     words that name no subject once a phrase is cut up: {@value #GENERIC_TERMS_TEXT};</li>
 * <li>drop duplicates, keeping the first.</li>
 * </ol>
 *
 * <p>Matching ({@link #occursIn(SearchText)}) is a substring search in the {@link #fold(String) folded} text,
 * ignoring the case of Latin letters. A term that begins or ends with a Latin letter or digit must not be glued to
 * another one on that side, so {@code PE} does not match inside {@code PET} and {@code 8英寸晶圆} not inside
 * {@code 18英寸晶圆}.
 *
 * @param term   the term as derived from the table, for display: {@code GPU}, {@code 可穿戴智能}
 * @param needle the same term folded for searching: {@code gpu}
 */
public record KeywordTerm(String term, String needle) {

    static final String GENERIC_SUFFIXES_TEXT = "相关关键词、设备制造、装备制造、关键词、制造、服务、产业、技术";
    static final String GENERIC_TERMS_TEXT = "生产、处理、利用、加工、应用、设施、设备、装置、系统、产品、材料";

    /** Longest first, so that 设备制造 wins over 制造. */
    private static final List<String> GENERIC_SUFFIXES = List.of(GENERIC_SUFFIXES_TEXT.split("、"));
    private static final Set<String> GENERIC_TERMS = Set.of(GENERIC_TERMS_TEXT.split("、"));
    private static final List<String> GENERIC_PREFIXES = List.of("其他", "其它");
    private static final Pattern BRACKETED = Pattern.compile("\\([^()]*\\)");
    private static final Pattern SEPARATORS = Pattern.compile("[;,、/]|等(?!离子)");
    private static final int MIN_LENGTH = 2;

    /** A term as derived from the table; its needle is its folded form. */
    static KeywordTerm of(String term) {
        return new KeywordTerm(term, fold(term));
    }

    /** The search terms of a rule's keyword phrases, derived as described in the class comment. */
    static List<KeywordTerm> derive(List<String> phrases) {
        Set<String> terms = new LinkedHashSet<>();
        for (String phrase : phrases) {
            String text = BRACKETED.matcher(Normalizer.normalize(phrase, Normalizer.Form.NFKC)).replaceAll("");
            for (String piece : SEPARATORS.split(text)) {
                String term = withoutGenericSuffix(withoutGenericPrefix(piece.strip()));
                if (term.length() >= MIN_LENGTH && !isGeneric(term)) {
                    terms.add(term);
                }
            }
        }
        return terms.stream().map(KeywordTerm::of).toList();
    }

    /** Folds a text for searching: full-width characters to ASCII (NFKC), Latin letters to lower case. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Whether the term occurs in the text (see the class comment for what counts as occurring). */
    boolean occursIn(SearchText text) {
        if (!text.mayContain(needle)) {
            return false;
        }
        String folded = text.folded();
        for (int at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
            int end = at + needle.length();
            boolean gluedBefore = at > 0 && isLatinOrDigit(needle.charAt(0)) && isLatinOrDigit(folded.charAt(at - 1));
            boolean gluedAfter = end < folded.length() && isLatinOrDigit(needle.charAt(needle.length() - 1))
                    && isLatinOrDigit(folded.charAt(end));
            if (!gluedBefore && !gluedAfter) {
                return true;
            }
        }
        return false;
    }

    private static String withoutGenericPrefix(String term) {
        for (String prefix : GENERIC_PREFIXES) {
            if (term.startsWith(prefix) && term.length() - prefix.length() >= MIN_LENGTH) {
                return term.substring(prefix.length());
            }
        }
        return term;
    }

    private static String withoutGenericSuffix(String term) {
        for (String suffix : GENERIC_SUFFIXES) {
            if (term.endsWith(suffix) && term.length() - suffix.length() >= MIN_LENGTH) {
                return term.substring(0, term.length() - suffix.length());
            }
        }
        return term;
    }

    private static boolean isGeneric(String term) {
        return GENERIC_TERMS.contains(term) || GENERIC_SUFFIXES.contains(term);
    }

    private static boolean isLatinOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
