package org.ipop.library.tagging;

/**
 * A patent's text prepared for looking up many keyword terms: {@link KeywordTerm#fold(String) folded}, plus a compact
 * filter of the pairs of adjacent characters it contains. A term with a pair the filter has never seen cannot occur,
 * which rules out almost every term without scanning the text — a patent is checked against hundreds of terms.
 */
final class SearchText {

    private static final int FILTER_BITS = 1 << 14;

    private final String folded;
    private final long[] pairFilter = new long[FILTER_BITS / Long.SIZE];

    SearchText(String text) {
        this.folded = KeywordTerm.fold(text);
        for (int i = 1; i < folded.length(); i++) {
            int bit = pairHash(folded.charAt(i - 1), folded.charAt(i));
            pairFilter[bit >>> 6] |= 1L << bit;
        }
    }

    /** The folded text. */
    String folded() {
        return folded;
    }

    /** False if the folded needle certainly does not occur in the text; true if it may. */
    boolean mayContain(String needle) {
        for (int i = 1; i < needle.length(); i++) {
            int bit = pairHash(needle.charAt(i - 1), needle.charAt(i));
            if ((pairFilter[bit >>> 6] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** A 14-bit hash of a character pair (multiplicative hashing; the top bits are the best mixed). */
    private static int pairHash(char first, char second) {
        return ((first << 16 | second) * 0x9E3779B1) >>> (Integer.SIZE - 14);
    }
}
