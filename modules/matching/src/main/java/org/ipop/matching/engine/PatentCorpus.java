package org.ipop.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ipop.library.MatchablePatent;

/**
 * The patents in scope of a matching run, indexed for it: term postings with frequencies (BM25), patents by SEI
 * branch and by IPC subclass, each patent's text length and province. Built once per run; read-only afterwards and
 * safe to share between threads.
 */
public final class PatentCorpus {

    private final List<MatchablePatent> patents;
    private final List<Map<String, Integer>> termsOf = new ArrayList<>();
    private final int[] lengths;
    private final double averageLength;
    private final Map<String, List<int[]>> postings = new HashMap<>();
    private final Map<String, List<Integer>> bySegment = new HashMap<>();
    private final Map<String, List<Integer>> bySubclass = new HashMap<>();
    private final String[] provinces;
    private final Map<String, Integer> positions = new HashMap<>();

    private PatentCorpus(List<MatchablePatent> patents) {
        this.patents = List.copyOf(patents);
        this.lengths = new int[patents.size()];
        this.provinces = new String[patents.size()];
        long total = 0;
        for (int i = 0; i < patents.size(); i++) {
            MatchablePatent patent = patents.get(i);
            Map<String, Integer> terms = Terms.of(text(patent));
            termsOf.add(terms);
            int length = terms.values().stream().mapToInt(Integer::intValue).sum();
            lengths[i] = length;
            total += length;
            int index = i;
            terms.forEach((term, count) -> postings.computeIfAbsent(term, key -> new ArrayList<>())
                    .add(new int[] {index, count}));
            for (MatchablePatent.Segment segment : patent.segments()) {
                if (segment.catalog().equals("SEI_2021")) {
                    bySegment.computeIfAbsent(segment.code(), key -> new ArrayList<>()).add(i);
                }
            }
            patent.ipcCodes().stream().filter(code -> code.length() >= 4).map(code -> code.substring(0, 4))
                    .distinct().forEach(subclass -> bySubclass.computeIfAbsent(subclass, key -> new ArrayList<>())
                            .add(index));
            provinces[i] = province(patent.regionCode());
            positions.put(patent.id(), i);
        }
        this.averageLength = patents.isEmpty() ? 1 : Math.max(1, (double) total / patents.size());
    }

    public static PatentCorpus of(List<MatchablePatent> patents) {
        return new PatentCorpus(patents);
    }

    public int size() {
        return patents.size();
    }

    /** The position of a patent by id, or -1. */
    int indexOf(String id) {
        return positions.getOrDefault(id, -1);
    }

    public MatchablePatent patent(int index) {
        return patents.get(index);
    }

    /** Title, abstract and claim: what the enterprise's words are compared with. */
    static String text(MatchablePatent patent) {
        return String.join("\n", nonNull(patent.title()), nonNull(patent.abstractText()),
                nonNull(patent.firstClaim()));
    }

    Map<String, Integer> termsOf(int index) {
        return termsOf.get(index);
    }

    List<int[]> postings(String term) {
        return postings.getOrDefault(term, List.of());
    }

    List<Integer> withSegment(String seiBranch) {
        return bySegment.getOrDefault(seiBranch, List.of());
    }

    List<Integer> withSubclass(String subclass) {
        return bySubclass.getOrDefault(subclass, List.of());
    }

    int length(int index) {
        return lengths[index];
    }

    double averageLength() {
        return averageLength;
    }

    String province(int index) {
        return provinces[index];
    }

    /** BM25's inverse document frequency, never negative. */
    double idf(String term) {
        int df = postings(term).size();
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

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
