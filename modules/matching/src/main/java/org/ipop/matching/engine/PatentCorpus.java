package org.ipop.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ipop.library.MatchablePatent;

/**
 * The patents in scope of a matching run, indexed for it: term postings with frequencies in primitive arrays (BM25),
 * patents by SEI branch and by IPC subclass — each list ordered by the patent's prior (tier, then value), so that a
 * large branch contributes its most promising patents first — each patent's text length and province. Built once
 * per run (about 1 KB of heap per patent), or from another corpus plus a few patents ({@link #plus}); read-only
 * afterwards and safe to share between threads.
 */
public final class PatentCorpus {

    private final List<MatchablePatent> patents;
    private final int[] lengths;
    private final long totalLength;
    private final double averageLength;
    private final Map<String, Postings> postings;
    private final Map<String, Listed> bySegment;
    private final Map<String, Listed> bySubclass;
    /** The same lists per province: "6.4|420000". */
    private final Map<String, Listed> bySegmentAndProvince;
    private final Map<String, Listed> bySubclassAndProvince;
    /** Per patent: its IPC subclasses (for the field inference and explanations). */
    private final String[][] subclassesOf;
    /**
     * Per patent, for scoring a pair with array reads instead of map look-ups (profiled: looking up branch and
     * subclass codes was two thirds of a national run): its SEI branches and whether each is keyword-confirmed, its
     * IPC subclasses, its province — branches and subclasses numbered in the order met, provinces by their two-digit
     * code.
     */
    private final boolean[][] seiConfirmedOf;
    private final Map<String, Integer> branchNumbers;
    private final Map<String, Integer> subclassNumbers;
    private final String[] subclassCodes;
    private final int[][] branchNumbersOf;
    /**
     * Per patent, its SEI branches packed in one long, a byte each: (number + 1) × 2 + 1 if the tag is
     * keyword-confirmed, 0 after the last; {@link #UNPACKED} for a patent of more than eight. Scoring a candidate
     * reads one array element instead of following two references (profiled: those cache misses were the largest
     * cost of a national run).
     */
    private final long[] packedBranches;
    private final int[][] subclassNumbersOf;
    private final int[] provinceNumbers;
    private final double[] priors;
    private final Map<String, Integer> positions;
    /** The words of each IPC subclass ({@link FieldProfiles}), built when a text-only need first asks for them. */
    private volatile FieldProfiles fieldProfiles;

    /**
     * The patents (by index) of a branch or subclass, most promising first, each with its ordering key: its prior
     * (tier, value), plus {@value #CONFIRMED_BONUS} in a branch list if its tag there is keyword-confirmed. Keys
     * never increase along the list, so a run can stop reading a list once the key cannot beat what it has.
     */
    record Listed(int[] patents, float[] keys) {

        static final Listed EMPTY = new Listed(new int[0], new float[0]);

        int size() {
            return patents.length;
        }
    }

    /** What a keyword-confirmed tag adds to a link over an IPC-only one: 0.55 × (1 − 0.85). */
    static final double CONFIRMED_BONUS = 0.55 * 0.15;

    /** The patents (by index) that contain a term, and how often. */
    record Postings(int[] patents, int[] frequencies) {

        int size() {
            return patents.length;
        }
    }

    private PatentCorpus(PatentCorpus base, List<MatchablePatent> added) {
        int start = base == null ? 0 : base.size();
        List<MatchablePatent> all = new ArrayList<>(start + added.size());
        if (base != null) {
            all.addAll(base.patents);
        }
        all.addAll(added);
        this.patents = List.copyOf(all);
        int n = patents.size();
        // Per-patent arrays: the base's entries copied, the added patents' computed below.
        this.lengths = base == null ? new int[n] : Arrays.copyOf(base.lengths, n);
        this.subclassesOf = base == null ? new String[n][] : Arrays.copyOf(base.subclassesOf, n);
        this.seiConfirmedOf = base == null ? new boolean[n][] : Arrays.copyOf(base.seiConfirmedOf, n);
        this.branchNumbersOf = base == null ? new int[n][] : Arrays.copyOf(base.branchNumbersOf, n);
        this.packedBranches = base == null ? new long[n] : Arrays.copyOf(base.packedBranches, n);
        this.subclassNumbersOf = base == null ? new int[n][] : Arrays.copyOf(base.subclassNumbersOf, n);
        this.provinceNumbers = base == null ? new int[n] : Arrays.copyOf(base.provinceNumbers, n);
        this.priors = base == null ? new double[n] : Arrays.copyOf(base.priors, n);
        this.positions = base == null ? new HashMap<>(n * 2) : new HashMap<>(base.positions);
        this.branchNumbers = base == null ? new HashMap<>() : new HashMap<>(base.branchNumbers);
        this.subclassNumbers = base == null ? new HashMap<>() : new HashMap<>(base.subclassNumbers);
        String[] provinces = new String[n - start];
        Map<String, String> interned = new HashMap<>();
        Map<String, IntPairs> building = new HashMap<>();
        Map<String, IntPairs> segments = new HashMap<>();
        Map<String, IntPairs> subclasses = new HashMap<>();
        long total = base == null ? 0 : base.totalLength;
        for (int i = start; i < n; i++) {
            MatchablePatent patent = patents.get(i);
            Map<String, Integer> terms = Terms.of(text(patent));
            int length = 0;
            for (Map.Entry<String, Integer> term : terms.entrySet()) {
                building.computeIfAbsent(term.getKey(), key -> new IntPairs()).add(i, term.getValue());
                length += term.getValue();
            }
            lengths[i] = length;
            total += length;
            String province = province(patent.regionCode());
            provinces[i - start] = province;
            provinceNumbers[i] = provinceNumber(province);
            priors[i] = prior(patent);
            subclassesOf[i] = patent.ipcCodes().stream().filter(code -> code.length() >= 4)
                    .map(code -> interned.computeIfAbsent(code.substring(0, 4), key -> key)).distinct()
                    .toArray(String[]::new);
            List<MatchablePatent.Segment> sei = patent.segments().stream()
                    .filter(segment -> segment.catalog().equals("SEI_2021")).toList();
            branchNumbersOf[i] = sei.stream().map(MatchablePatent.Segment::code)
                    .mapToInt(code -> branchNumbers.computeIfAbsent(code, key -> branchNumbers.size())).toArray();
            subclassNumbersOf[i] = Arrays.stream(subclassesOf[i])
                    .mapToInt(code -> subclassNumbers.computeIfAbsent(code, key -> subclassNumbers.size())).toArray();
            seiConfirmedOf[i] = new boolean[sei.size()];
            for (int s = 0; s < sei.size(); s++) {
                seiConfirmedOf[i][s] = sei.get(s).keywordConfirmed();
            }
            packedBranches[i] = pack(branchNumbersOf[i], seiConfirmedOf[i]);
            for (MatchablePatent.Segment segment : patent.segments()) {
                if (segment.catalog().equals("SEI_2021")) {
                    segments.computeIfAbsent(segment.code(), key -> new IntPairs()).addOnce(i);
                    segments.computeIfAbsent(segment.code() + "|" + province, key -> new IntPairs()).addOnce(i);
                }
            }
            for (String code : patent.ipcCodes()) {
                if (code.length() >= 4) {
                    subclasses.computeIfAbsent(code.substring(0, 4), key -> new IntPairs()).addOnce(i);
                    subclasses.computeIfAbsent(code.substring(0, 4) + "|" + province, key -> new IntPairs())
                            .addOnce(i);
                }
            }
            if (positions.putIfAbsent(patent.id(), i) != null) {
                throw new IllegalArgumentException("patent " + patent.id() + " is in the corpus twice");
            }
        }
        this.totalLength = total;
        this.subclassCodes = new String[subclassNumbers.size()];
        subclassNumbers.forEach((code, number) -> subclassCodes[number] = code);
        this.averageLength = n == 0 ? 1 : Math.max(1, (double) total / n);
        // Postings, branch and subclass lists: the base's shared where no added patent touches them, merged where
        // one does (the added patents come after the base's, so a list is the base's followed by theirs).
        this.postings = base == null ? new HashMap<>(building.size() * 2) : new HashMap<>(base.postings);
        building.forEach((term, pairs) -> postings.merge(term, new Postings(pairs.firsts(), pairs.seconds()),
                (before, after) -> new Postings(concat(before.patents(), after.patents()),
                        concat(before.frequencies(), after.frequencies()))));
        this.bySegment = base == null ? new HashMap<>() : new HashMap<>(base.bySegment);
        this.bySegmentAndProvince = base == null ? new HashMap<>() : new HashMap<>(base.bySegmentAndProvince);
        byPrior(segments, true).forEach((key, list) -> (key.contains("|") ? bySegmentAndProvince : bySegment)
                .merge(key, list, PatentCorpus::merge));
        this.bySubclass = base == null ? new HashMap<>() : new HashMap<>(base.bySubclass);
        this.bySubclassAndProvince = base == null ? new HashMap<>() : new HashMap<>(base.bySubclassAndProvince);
        byPrior(subclasses, false).forEach((key, list) -> (key.contains("|") ? bySubclassAndProvince : bySubclass)
                .merge(key, list, PatentCorpus::merge));
    }

    public static PatentCorpus of(List<MatchablePatent> patents) {
        return new PatentCorpus(null, patents);
    }

    /**
     * This corpus with more patents, as {@link #of} would build it from this corpus's patents followed by these
     * (the same numbering, lists, postings and statistics), without computing this corpus's patents again: what
     * incremental matching does when a patent becomes available (measured at national scale: docs/benchmarks.md).
     * This corpus is left as it is; the subclass profiles of the new one are built again on first use.
     *
     * @throws IllegalArgumentException if a patent is already in the corpus
     */
    public PatentCorpus plus(List<MatchablePatent> added) {
        return added.isEmpty() ? this : new PatentCorpus(this, added);
    }

    private static int[] concat(int[] first, int[] second) {
        int[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /**
     * Two lists ordered by key, the second's patents all numbered after the first's, merged as one sort of both would
     * order them: by key, ties in the order of the patents' numbers (so the first's come first).
     */
    private static Listed merge(Listed first, Listed second) {
        int size = first.size() + second.size();
        int[] patents = new int[size];
        float[] keys = new float[size];
        int a = 0;
        int b = 0;
        for (int m = 0; m < size; m++) {
            if (b == second.size() || (a < first.size() && first.keys()[a] >= second.keys()[b])) {
                patents[m] = first.patents()[a];
                keys[m] = first.keys()[a++];
            } else {
                patents[m] = second.patents()[b];
                keys[m] = second.keys()[b++];
            }
        }
        return new Listed(patents, keys);
    }

    public int size() {
        return patents.size();
    }

    public MatchablePatent patent(int index) {
        return patents.get(index);
    }

    /** The position of a patent by id, or -1. */
    public int indexOf(String id) {
        return positions.getOrDefault(id, -1);
    }

    /** Title, abstract and claim: what the enterprise's words are compared with. */
    static String text(MatchablePatent patent) {
        return String.join("\n", nonNull(patent.title()), nonNull(patent.abstractText()),
                nonNull(patent.firstClaim()));
    }

    /** The terms of one patent, computed again (the corpus keeps postings, not per-patent term maps). */
    Map<String, Integer> termsOf(int index) {
        return Terms.of(text(patents.get(index)));
    }

    Postings postings(String term) {
        return postings.get(term);
    }

    /** The patents of an SEI branch (in a province, or anywhere if null), most promising first. */
    Listed withSegment(String seiBranch, String province) {
        return province == null ? bySegment.getOrDefault(seiBranch, Listed.EMPTY)
                : bySegmentAndProvince.getOrDefault(seiBranch + "|" + province, Listed.EMPTY);
    }

    /** The patents of an IPC subclass (in a province, or anywhere if null), most promising first. */
    Listed withSubclass(String subclass, String province) {
        return province == null ? bySubclass.getOrDefault(subclass, Listed.EMPTY)
                : bySubclassAndProvince.getOrDefault(subclass + "|" + province, Listed.EMPTY);
    }

    /**
     * The words of each IPC subclass, built on first use (only needs stated in words alone read them; a run of
     * enterprises with branches or IPC codes never pays for them).
     */
    FieldProfiles fieldProfiles() {
        FieldProfiles profiles = fieldProfiles;
        if (profiles == null) {
            synchronized (this) {
                profiles = fieldProfiles;
                if (profiles == null) {
                    profiles = new FieldProfiles(this);
                    fieldProfiles = profiles;
                }
            }
        }
        return profiles;
    }

    String[] subclassesOf(int index) {
        return subclassesOf[index];
    }

    boolean[] seiConfirmedOf(int index) {
        return seiConfirmedOf[index];
    }

    int[] branchNumbersOf(int index) {
        return branchNumbersOf[index];
    }

    static final long UNPACKED = -1;

    private static long pack(int[] branches, boolean[] confirmed) {
        if (branches.length > 8) {
            return UNPACKED;
        }
        long packed = 0;
        for (int b = 0; b < branches.length; b++) {
            if (branches[b] >= 126) {
                throw new IllegalStateException("more SEI branches than a byte can number: " + branches[b]);
            }
            packed |= (long) ((branches[b] + 1) * 2 + (confirmed[b] ? 1 : 0)) << (8 * b);
        }
        return packed;
    }

    /**
     * {@link #packedBranches}: read the low byte while it is not 0, shifting right by 8; {@link #UNPACKED}: read
     * {@link #branchNumbersOf} and {@link #seiConfirmedOf}.
     */
    long packedBranchesOf(int index) {
        return packedBranches[index];
    }

    int[] subclassNumbersOf(int index) {
        return subclassNumbersOf[index];
    }

    /** The number of an SEI branch in this corpus, or -1 if no patent has it. */
    int branchNumber(String code) {
        return branchNumbers.getOrDefault(code, -1);
    }

    /** The number of an IPC subclass in this corpus, or -1 if no patent has it. */
    int subclassNumber(String code) {
        return subclassNumbers.getOrDefault(code, -1);
    }

    /** The IPC subclass of a number {@link #subclassNumber} gave. */
    String subclassCode(int number) {
        return subclassCodes[number];
    }

    int branchCount() {
        return branchNumbers.size();
    }

    int subclassCount() {
        return subclassNumbers.size();
    }

    int provinceNumber(int index) {
        return provinceNumbers[index];
    }

    /** 42 for 420000; -1 if none. */
    static int provinceNumber(String province) {
        if (province == null || province.length() < 2) {
            return -1;
        }
        char first = province.charAt(0);
        char second = province.charAt(1);
        return first >= '0' && first <= '9' && second >= '0' && second <= '9' ? (first - '0') * 10 + (second - '0')
                : -1;
    }

    /** {@link #prior} of a patent, precomputed. */
    double priorOf(int index) {
        return priors[index];
    }

    int length(int index) {
        return lengths[index];
    }

    double averageLength() {
        return averageLength;
    }

    /** BM25's inverse document frequency, never negative. */
    double idf(String term) {
        Postings found = postings.get(term);
        int df = found == null ? 0 : found.size();
        return Math.log(1 + (patents.size() - df + 0.5) / (df + 0.5));
    }

    /** 420000 from 420000, 420100, 42 or 河南(41); null if none. */
    static String province(String region) {
        if (region == null) {
            return null;
        }
        String digits = region.replaceAll("\\D", "");
        return digits.length() >= 2 ? digits.substring(0, 2) + "0000" : null;
    }

    /** The prior a patent brings whoever the enterprise (tier, then value), for ordering large lists. */
    static double prior(MatchablePatent patent) {
        return tierPrior(patent.tier()) + patent.valueScore() * MatchingEngine.VALUE_PRIOR;
    }

    /** What a tier adds to a match's score: A 0.05, B 0.03, C 0.01, otherwise nothing. */
    static double tierPrior(String tier) {
        return switch (tier == null ? "" : tier) {
            case "A" -> 0.05;
            case "B" -> 0.03;
            case "C" -> 0.01;
            default -> 0;
        };
    }

    /**
     * Each list ordered by what a patent brings whoever the enterprise: its prior, and for a branch list whether
     * its tag is keyword-confirmed (a full structural link rather than 0.85 of one).
     */
    private Map<String, Listed> byPrior(Map<String, IntPairs> lists, boolean segments) {
        Map<String, Listed> result = new HashMap<>(lists.size() * 2);
        lists.forEach((key, pairs) -> {
            String branch = segments ? key.split("\\|")[0] : null;
            int[] members = pairs.firsts();
            float[] keyOf = new float[members.length];
            Integer[] order = new Integer[members.length];
            for (int m = 0; m < members.length; m++) {
                order[m] = m;
                keyOf[m] = (float) (priors[members[m]]
                        + (branch != null && confirmed(patents.get(members[m]), branch) ? CONFIRMED_BONUS : 0));
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer m) -> -keyOf[m]));
            int[] sorted = new int[members.length];
            float[] keys = new float[members.length];
            for (int m = 0; m < members.length; m++) {
                sorted[m] = members[order[m]];
                keys[m] = keyOf[order[m]];
            }
            result.put(key, new Listed(sorted, keys));
        });
        return result;
    }

    private static boolean confirmed(MatchablePatent patent, String branch) {
        return patent.segments().stream().anyMatch(segment -> segment.catalog().equals("SEI_2021")
                && segment.code().equals(branch) && segment.keywordConfirmed());
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
