package org.ipop.matching.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Enterprises indexed for matching one patent against all of them (incremental matching of a newly available
 * patent): which enterprises have a term, belong to an SEI branch (and how strongly), own patents of an IPC subclass,
 * or answered pushes of a branch. Scoring a patent then reads only the lists of its own terms, branches and
 * subclasses instead of looking at every enterprise's maps — an enterprise on none of them can have neither a
 * structural link nor text in common, so it could not be a match anyway (measured: 450,000 enterprises, one patent,
 * ≈ 0.7 s by looking at each, docs/benchmarks.md).
 *
 * <p>Built once for a set of enterprises and read by any number of threads; it does not change (an edited
 * enterprise means a new index).
 */
public final class EnterpriseIndex {

    private static final int[] NONE = new int[0];

    private final List<EnterpriseQuery> enterprises;
    private final Map<String, int[]> byTerm;
    private final Map<String, Pairs> bySegment;
    private final Map<String, int[]> bySubclass;
    private final Map<String, Pairs> byAnswers;
    private final int[] provinces;
    private final boolean[] recognised;

    /**
     * Enterprises with a value each: for a segment, 1 if the enterprise registered it and 0 if it was inferred (from
     * an industry class or a demand); for answers, interested minus not relevant.
     */
    record Pairs(int[] enterprises, int[] values) {

        static final Pairs EMPTY = new Pairs(NONE, NONE);
    }

    private EnterpriseIndex(List<EnterpriseQuery> enterprises) {
        this.enterprises = List.copyOf(enterprises);
        int n = enterprises.size();
        this.provinces = new int[n];
        this.recognised = new boolean[n];
        Map<String, IntPairs> terms = new HashMap<>();
        Map<String, IntPairs> segments = new HashMap<>();
        Map<String, IntPairs> subclasses = new HashMap<>();
        Map<String, IntPairs> answers = new HashMap<>();
        for (int e = 0; e < n; e++) {
            EnterpriseQuery enterprise = enterprises.get(e);
            provinces[e] = PatentCorpus.provinceNumber(enterprise.provinceCode());
            recognised[e] = enterprise.recognised();
            for (String term : enterprise.terms().keySet()) {
                terms.computeIfAbsent(term, key -> new IntPairs()).add(e);
            }
            for (Map.Entry<String, EnterpriseQuery.BranchLink> segment : enterprise.segments().entrySet()) {
                segments.computeIfAbsent(segment.getKey(), key -> new IntPairs())
                        .add(e, segment.getValue().registered() ? 1 : 0);
            }
            for (String subclass : enterprise.ipcSubclasses()) {
                subclasses.computeIfAbsent(subclass, key -> new IntPairs()).add(e);
            }
            for (Map.Entry<String, Integer> answer : enterprise.feedback().entrySet()) {
                if (answer.getValue() != 0) {
                    answers.computeIfAbsent(answer.getKey(), key -> new IntPairs()).add(e, answer.getValue());
                }
            }
        }
        this.byTerm = new HashMap<>(terms.size() * 2);
        terms.forEach((term, list) -> byTerm.put(term, list.firsts()));
        this.bySegment = pairs(segments);
        this.bySubclass = new HashMap<>(subclasses.size() * 2);
        subclasses.forEach((subclass, list) -> bySubclass.put(subclass, list.firsts()));
        this.byAnswers = pairs(answers);
    }

    public static EnterpriseIndex of(List<EnterpriseQuery> enterprises) {
        return new EnterpriseIndex(enterprises);
    }

    private static Map<String, Pairs> pairs(Map<String, IntPairs> lists) {
        Map<String, Pairs> result = new HashMap<>(lists.size() * 2);
        lists.forEach((key, list) -> result.put(key, new Pairs(list.firsts(), list.seconds())));
        return result;
    }

    public int size() {
        return enterprises.size();
    }

    public EnterpriseQuery get(int index) {
        return enterprises.get(index);
    }

    /** The enterprises whose text has the term, in ascending order. */
    int[] withTerm(String term) {
        return byTerm.getOrDefault(term, NONE);
    }

    /** The enterprises linked to an SEI branch, with 1 where they registered it and 0 where it was inferred. */
    Pairs inSegment(String branch) {
        return bySegment.getOrDefault(branch, Pairs.EMPTY);
    }

    /** The enterprises that own patents of an IPC subclass. */
    int[] withSubclass(String subclass) {
        return bySubclass.getOrDefault(subclass, NONE);
    }

    /** The enterprises that answered pushes of an SEI branch, with interested minus not relevant. */
    Pairs answeredOn(String branch) {
        return byAnswers.getOrDefault(branch, Pairs.EMPTY);
    }

    /** 42 for an enterprise in Hubei; -1 if unknown. */
    int province(int index) {
        return provinces[index];
    }

    boolean recognised(int index) {
        return recognised[index];
    }
}
