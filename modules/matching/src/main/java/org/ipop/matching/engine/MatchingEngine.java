package org.ipop.matching.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ipop.library.MatchablePatent;

/**
 * Scores enterprise–patent pairs and finds each enterprise's best patents (and each patent's best enterprises).
 *
 * <p>Candidates are the patents that share an SEI branch with the enterprise (registered, bridged from its industry
 * classes, or named by a demand), share an IPC subclass with its own patents, or rank among the best
 * {@value #TEXT_CANDIDATES} by text; of a large branch or subclass only the {@value #LIST_CANDIDATES} most promising
 * patents are scored — in the enterprise's province and overall, ordered by what they bring whoever the enterprise
 * (keyword-confirmed tag, tier, value) — which keeps a national run linear in the number of enterprises. Each candidate is scored:
 * <pre>
 *   score = 0.55 × structure + 0.35 × text + priors
 *   structure = max(segment link: 1.0 registered / 0.75 inferred, × 0.85 if the patent's tag is IPC-only;
 *                   shared IPC subclass: 0.8)
 *   text      = bm25 / (bm25 + 6)           BM25 (k1 1.2, b 0.75) of the enterprise's terms in the patent's text
 *   priors    = same province 0.04, tier A 0.05 / B 0.03 / C 0.01, value score × 0.0003,
 *               feedback: per interested patent of the same branch +0.03 (at most +0.09),
 *               per not relevant −0.05 (at most −0.15)
 * </pre>
 * An enterprise known only by its words (no branch, no IPC codes) gets IPC subclasses inferred from the patents
 * its words find best
 * ({@link #inferSubclasses}): a patent in such a subclass links with {@value #INFERRED_LINK} × the subclass's share
 * of the votes, and the list is diversified over subclasses in case the inference is wrong.
 * A candidate needs a structural link or a text score of at least {@value #MIN_TEXT}. Every match carries its
 * explanation: the segments that linked it and how, the phrases both texts share, the priors and their amounts.
 */
public final class MatchingEngine {

    static final double W_STRUCTURE = 0.55;
    static final double W_TEXT = 0.35;
    static final double MIN_TEXT = 0.25;
    static final int TEXT_CANDIDATES = 200;
    static final double MAX_TERM_SHARE = 0.01;
    /** The largest priors together: tier A, same province, the best feedback, the highest value. */
    static final double MAX_PRIOR = 0.05 + 0.04 + 0.09 + 0.03;
    /** At most this many patents of each linked branch or subclass are scored, the most promising first. */
    static final int LIST_CANDIDATES = 1_000;
    static final int FEEDBACK_PATENTS = 30;
    static final double MIN_SUBCLASS_SHARE = 0.2;
    static final double DIVERSITY = 0.03;
    static final double INFERRED_LINK = 0.6;
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final double TEXT_HALF = 6;
    private static final String REGISTERED = "企业登记的细分领域";
    private static final double PROVINCE_PRIOR = 0.04;
    /** Per point of value score; the tier's part of the prior is {@link PatentCorpus#prior}. */
    static final double VALUE_PRIOR = 0.0003;

    private final PatentCorpus corpus;
    /** Per thread: BM25 accumulated over the corpus for one enterprise, touched entries only (reset after use). */
    private final ThreadLocal<Accumulator> accumulators;

    public MatchingEngine(PatentCorpus corpus) {
        this.corpus = corpus;
        this.accumulators = ThreadLocal.withInitial(() -> new Accumulator(corpus.size()));
    }

    /** The enterprise's best {@code k} patents, best first, without the excluded ones. */
    public List<Match> topPatents(EnterpriseQuery enterprise, int k) {
        Accumulator text = accumulators.get();
        text.accumulate(enterprise);
        try {
            Map<String, Double> inferred = textOnly(enterprise) ? inferSubclasses(text, enterprise) : Map.of();
            int keep = inferred.isEmpty() ? k : k * 5; // room for the diversification below
            TopK best = new TopK(keep);
            text.startCandidates();
            for (int index : text.best(TEXT_CANDIDATES)) {
                consider(enterprise, index, text, inferred, best);
            }
            String province = enterprise.provinceCode();
            for (Map.Entry<String, String> branch : enterprise.segments().entrySet()) {
                double link = branch.getValue().equals(REGISTERED) ? 1.0 : 0.75;
                consider(enterprise, corpus.withSegment(branch.getKey(), province), link, text, inferred, best);
                consider(enterprise, corpus.withSegment(branch.getKey(), null), link, text, inferred, best);
            }
            for (String subclass : enterprise.ipcSubclasses()) {
                consider(enterprise, corpus.withSubclass(subclass, province), 0.8, text, inferred, best);
                consider(enterprise, corpus.withSubclass(subclass, null), 0.8, text, inferred, best);
            }
            for (Map.Entry<String, Double> subclass : inferred.entrySet()) {
                double link = INFERRED_LINK * subclass.getValue();
                consider(enterprise, corpus.withSubclass(subclass.getKey(), province), link, text, inferred, best);
                consider(enterprise, corpus.withSubclass(subclass.getKey(), null), link, text, inferred, best);
            }
            List<Match> result = new ArrayList<>();
            for (int index : best.indicesBestFirst()) {
                result.add(explain(enterprise, index, text.score(index), inferred));
            }
            return inferred.isEmpty() ? result : diversified(result, k);
        } finally {
            text.reset();
        }
    }

    /**
     * The ids of the enterprise's best {@code k} patents found by scoring every patent of the corpus, without
     * candidate generation: the reference that the benchmark measures the recall of {@link #topPatents} against.
     */
    List<Match> exhaustiveTopPatents(EnterpriseQuery enterprise, int k) {
        Accumulator text = accumulators.get();
        text.accumulate(enterprise);
        try {
            Map<String, Double> inferred = textOnly(enterprise) ? inferSubclasses(text, enterprise) : Map.of();
            TopK best = new TopK(inferred.isEmpty() ? k : k * 5);
            for (int index = 0; index < corpus.size(); index++) {
                if (enterprise.excluded().contains(corpus.patent(index).id())) {
                    continue;
                }
                double score = quickScore(enterprise, index, text.score(index), inferred);
                if (!Double.isNaN(score)) {
                    best.offer(index, score);
                }
            }
            List<Match> result = new ArrayList<>();
            for (int index : best.indicesBestFirst()) {
                result.add(explain(enterprise, index, text.score(index), inferred));
            }
            return inferred.isEmpty() ? result : diversified(result, k);
        } finally {
            text.reset();
        }
    }

    /**
     * The patents of a linked list: those that share words with the enterprise wherever they stand in the list,
     * unless even the list's link and the largest priors could not lift them above the k-th best so far; of the
     * others, the first {@value #LIST_CANDIDATES} (the list is ordered by what a patent brings whoever the
     * enterprise).
     */
    private void consider(EnterpriseQuery enterprise, int[] list, double link, Accumulator text,
            Map<String, Double> inferred, TopK best) {
        for (int i = 0; i < list.length; i++) {
            int index = list[i];
            double bm25 = text.score(index);
            if (bm25 > 0) {
                if (best.full() && W_STRUCTURE * link + W_TEXT * bm25 / (bm25 + TEXT_HALF) + MAX_PRIOR
                        <= best.weakest()) {
                    continue;
                }
            } else if (i >= LIST_CANDIDATES) {
                continue;
            }
            consider(enterprise, index, text, inferred, best);
        }
    }

    private void consider(EnterpriseQuery enterprise, int index, Accumulator text, Map<String, Double> inferred,
            TopK best) {
        if (!text.firstTime(index)
                || (!enterprise.excluded().isEmpty() && enterprise.excluded().contains(corpus.patent(index).id()))) {
            return;
        }
        double score = quickScore(enterprise, index, text.score(index), inferred);
        if (!Double.isNaN(score)) {
            best.offer(index, score);
        }
    }

    /**
     * For a text-only enterprise, the inferred classification may be wrong; rather than ten patents of one
     * subclass, the list then offers the next subclasses too: each patent loses {@value #DIVERSITY} per patent
     * of its main subclass already above it.
     */
    private List<Match> diversified(List<Match> ranked, int k) {
        List<Match> remaining = new ArrayList<>(ranked);
        List<Match> chosen = new ArrayList<>();
        Map<String, Integer> shown = new HashMap<>();
        while (!remaining.isEmpty() && chosen.size() < k) {
            Match next = null;
            double nextScore = Double.NEGATIVE_INFINITY;
            for (Match match : remaining) {
                double adjusted = match.score() - DIVERSITY * shown.getOrDefault(mainSubclass(match), 0);
                if (adjusted > nextScore) {
                    next = match;
                    nextScore = adjusted;
                }
            }
            remaining.remove(next);
            chosen.add(next);
            shown.merge(mainSubclass(next), 1, Integer::sum);
        }
        return chosen;
    }

    private String mainSubclass(Match match) {
        MatchablePatent patent = corpus.patent(corpus.indexOf(match.patentId()));
        return patent.ipcCodes().isEmpty() || patent.ipcCodes().getFirst().length() < 4 ? ""
                : patent.ipcCodes().getFirst().substring(0, 4);
    }

    /** Plain BM25 over bigrams, nothing else: the baseline of the relevance evaluation. */
    public List<Match> topPatentsByPlainText(EnterpriseQuery enterprise, int k) {
        Accumulator text = accumulators.get();
        text.accumulate(enterprise);
        try {
            List<Match> result = new ArrayList<>();
            for (int index : text.best(k + enterprise.excluded().size())) {
                String id = corpus.patent(index).id();
                if (!enterprise.excluded().contains(id) && result.size() < k) {
                    result.add(new Match(enterprise.id(), id, text.score(index), 0, text.score(index), List.of(),
                            List.of(), List.of(), List.of()));
                }
            }
            return result;
        } finally {
            text.reset();
        }
    }

    /** An enterprise known only by its words: no branch (registered or bridged), no IPC codes of its own. */
    private static boolean textOnly(EnterpriseQuery enterprise) {
        return enterprise.segments().isEmpty() && enterprise.ipcSubclasses().isEmpty();
    }

    /**
     * For an enterprise that states no IPC codes and no branch: the IPC subclasses of the patents its words find best (the top
     * {@value #FEEDBACK_PATENTS} by BM25, each voting with its score), as shares of the strongest vote, from
     * {@value #MIN_SUBCLASS_SHARE} up. Words are ambiguous (电池 in a battery and in a solar cell); the library's
     * classification of the patents those words find says which technology is meant.
     */
    private Map<String, Double> inferSubclasses(Accumulator text, EnterpriseQuery enterprise) {
        Map<String, Double> votes = new HashMap<>();
        for (int index : text.best(FEEDBACK_PATENTS)) {
            if (enterprise.excluded().contains(corpus.patent(index).id())) {
                continue;
            }
            double vote = text.score(index);
            corpus.patent(index).ipcCodes().stream().filter(code -> code.length() >= 4)
                    .map(code -> code.substring(0, 4)).distinct()
                    .forEach(subclass -> votes.merge(subclass, vote, Double::sum));
        }
        double strongest = votes.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<String, Double> shares = new HashMap<>();
        votes.forEach((subclass, vote) -> {
            if (strongest > 0 && vote / strongest >= MIN_SUBCLASS_SHARE) {
                shares.put(subclass, vote / strongest);
            }
        });
        return shares;
    }

    /** The {@code k} enterprises the patent suits best, best first (incremental matching of a new patent). */
    public List<Match> topEnterprises(int patentIndex, List<EnterpriseQuery> enterprises, int k) {
        String patentId = corpus.patent(patentIndex).id();
        Map<String, Integer> patentTerms = corpus.termsOf(patentIndex);
        Map<String, Double> idf = new HashMap<>();
        patentTerms.keySet().forEach(term -> idf.put(term, corpus.idf(term)));
        TopK best = new TopK(k);
        double[] bm25 = new double[enterprises.size()];
        for (int e = 0; e < enterprises.size(); e++) {
            EnterpriseQuery enterprise = enterprises.get(e);
            if (enterprise.excluded().contains(patentId)) {
                continue;
            }
            bm25[e] = pairText(enterprise, patentIndex, patentTerms, idf);
            double score = quickScore(enterprise, patentIndex, bm25[e], Map.of());
            if (!Double.isNaN(score)) {
                best.offer(e, score + (enterprise.recognised() ? 0.02 : 0));
            }
        }
        List<Match> result = new ArrayList<>();
        for (int e : best.indicesBestFirst()) {
            EnterpriseQuery enterprise = enterprises.get(e);
            Match match = explain(enterprise, patentIndex, bm25[e], Map.of());
            if (enterprise.recognised()) {
                // Among enterprises, a recognised one (专精特新, 小巨人, 高新) is a likelier taker.
                List<String> priors = new ArrayList<>(match.priors());
                priors.add("企业获认定（专精特新等）+0.02");
                match = new Match(match.enterpriseId(), match.patentId(), round(match.score() + 0.02),
                        match.structural(), match.text(), match.branches(), match.segments(), match.sharedTerms(),
                        priors);
            }
            result.add(match);
        }
        return result;
    }

    /**
     * The pair's score, or NaN if nothing links them, without building a match or its explanation: the form in which
     * every candidate of a run is scored (profiled: building matches was most of a national run).
     */
    double quickScore(EnterpriseQuery enterprise, int index, double bm25, Map<String, Double> inferredSubclasses) {
        double structure = structure(enterprise, index, inferredSubclasses);
        double text = bm25 / (bm25 + TEXT_HALF);
        if (structure == 0 && text < MIN_TEXT) {
            return Double.NaN;
        }
        return W_STRUCTURE * structure + W_TEXT * text + prior(enterprise, index);
    }

    /** How strongly branch or classification links the pair: 0 (not at all) to 1. */
    private double structure(EnterpriseQuery enterprise, int index, Map<String, Double> inferredSubclasses) {
        double structure = 0;
        if (!enterprise.segments().isEmpty()) {
            String[] branches = corpus.seiBranchesOf(index);
            boolean[] confirmed = corpus.seiConfirmedOf(index);
            for (int b = 0; b < branches.length; b++) {
                String how = enterprise.segments().get(branches[b]);
                if (how != null) {
                    structure = Math.max(structure, (how.equals(REGISTERED) ? 1.0 : 0.75) * (confirmed[b] ? 1 : 0.85));
                }
            }
        }
        double inferred = 0;
        for (String subclass : corpus.subclassesOf(index)) {
            if (!enterprise.ipcSubclasses().isEmpty() && enterprise.ipcSubclasses().contains(subclass)) {
                structure = Math.max(structure, 0.8);
            }
            if (!inferredSubclasses.isEmpty()) {
                inferred = Math.max(inferred, inferredSubclasses.getOrDefault(subclass, 0.0));
            }
        }
        return Math.max(structure, INFERRED_LINK * inferred);
    }

    /** What moves the pair's score besides link and text: province, tier and value, the enterprise's answers. */
    private double prior(EnterpriseQuery enterprise, int index) {
        double prior = corpus.priorOf(index);
        if (enterprise.provinceCode() != null && enterprise.provinceCode().equals(corpus.province(index))) {
            prior += PROVINCE_PRIOR;
        }
        return prior + feedbackPrior(feedbackOf(enterprise, index));
    }

    /** Interested minus not relevant, over the patent's SEI branches. */
    private int feedbackOf(EnterpriseQuery enterprise, int index) {
        int feedback = 0;
        if (!enterprise.feedback().isEmpty()) {
            for (String branch : corpus.seiBranchesOf(index)) {
                feedback += enterprise.feedback().getOrDefault(branch, 0);
            }
        }
        return feedback;
    }

    private static double feedbackPrior(int feedback) {
        return feedback == 0 ? 0 : Math.max(-0.15, Math.min(0.09, feedback > 0 ? 0.03 * feedback : 0.05 * feedback));
    }

    /** The pair's score and explanation, or null if nothing links them. */
    Match score(EnterpriseQuery enterprise, int index, double bm25) {
        return explain(enterprise, index, bm25, Map.of());
    }

    /**
     * The pair's match with why: the same numbers as {@link #quickScore}, and in words the branches and
     * subclasses that link them, the phrases both texts share, and each prior with its amount. Only for the matches
     * that are kept.
     */
    private Match explain(EnterpriseQuery enterprise, int index, double bm25, Map<String, Double> inferredSubclasses) {
        double score = quickScore(enterprise, index, bm25, inferredSubclasses);
        if (Double.isNaN(score)) {
            return null;
        }
        MatchablePatent patent = corpus.patent(index);
        List<String> segments = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        for (MatchablePatent.Segment segment : patent.segments()) {
            String how = segment.catalog().equals("SEI_2021") ? enterprise.segments().get(segment.code()) : null;
            if (how != null) {
                branches.add(segment.code());
                segments.add("战略性新兴产业 " + segment.code() + " " + segment.name() + "（" + how
                        + (segment.keywordConfirmed() ? "；专利文本含该领域关键词" : "；专利仅凭分类号归入") + "）");
            }
        }
        Set<String> shared = new LinkedHashSet<>();
        String inferredSubclass = null;
        double inferred = 0;
        for (String subclass : corpus.subclassesOf(index)) {
            if (enterprise.ipcSubclasses().contains(subclass)) {
                shared.add(subclass);
            }
            double share = inferredSubclasses.getOrDefault(subclass, 0.0);
            if (share > inferred) {
                inferred = share;
                inferredSubclass = subclass;
            }
        }
        if (!shared.isEmpty()) {
            segments.add("IPC 小类 " + String.join("、", shared) + " 与企业自有专利相同");
        }
        if (inferredSubclass != null && INFERRED_LINK * inferred > structure(enterprise, index, Map.of())) {
            segments.add("IPC 小类 " + inferredSubclass + "：与企业描述最相近的专利多属此类");
        }
        List<String> priors = new ArrayList<>();
        if (enterprise.provinceCode() != null && enterprise.provinceCode().equals(corpus.province(index))) {
            priors.add(String.format(Locale.ROOT, "同省 +%.2f", PROVINCE_PRIOR));
        }
        double tierPrior = PatentCorpus.tierPrior(patent.tier());
        if (tierPrior > 0) {
            priors.add(patent.tier() + " 档 +" + String.format(Locale.ROOT, "%.2f", tierPrior));
        }
        int feedback = feedbackOf(enterprise, index);
        if (feedback != 0) {
            priors.add(String.format(Locale.ROOT, "企业对同领域已推送专利的反馈（%s%d）%+.2f",
                    feedback > 0 ? "感兴趣 +" : "不相关 ", Math.abs(feedback), feedbackPrior(feedback)));
        }
        priors.add(String.format(Locale.ROOT, "价值分 %.1f +%.3f", patent.valueScore(),
                patent.valueScore() * VALUE_PRIOR));
        return new Match(enterprise.id(), patent.id(), round(score),
                round(structure(enterprise, index, inferredSubclasses)), round(bm25 / (bm25 + TEXT_HALF)), branches,
                segments, sharedPhrases(PatentCorpus.text(patent), enterprise.terms()), priors);
    }

    /** BM25 of the enterprise's terms in one patent. */
    private double pairText(EnterpriseQuery enterprise, int index, Map<String, Integer> patentTerms,
            Map<String, Double> idf) {
        double score = 0;
        Map<String, Integer> smaller = enterprise.terms().size() < patentTerms.size() ? enterprise.terms()
                : patentTerms;
        for (String term : smaller.keySet()) {
            Integer tf = patentTerms.get(term);
            if (tf != null && enterprise.terms().containsKey(term)) {
                score += idf.get(term) * termWeight(tf, corpus.length(index));
            }
        }
        return score;
    }

    private double termWeight(int tf, int length) {
        return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / corpus.averageLength()));
    }

    /**
     * The longest runs of the patent's text made of bigrams the enterprise's text also has (燃料电池 from 燃料, 料电,
     * 电池), longest first, at most five.
     */
    static List<String> sharedPhrases(String patentText, Map<String, Integer> enterpriseTerms) {
        Set<String> phrases = new LinkedHashSet<>();
        int i = 0;
        while (i < patentText.length() - 1) {
            int end = i;
            while (end + 1 < patentText.length() && Terms.isHan(patentText.charAt(end))
                    && Terms.isHan(patentText.charAt(end + 1))
                    && enterpriseTerms.containsKey(patentText.substring(end, end + 2))) {
                end++;
            }
            if (end > i) {
                phrases.add(patentText.substring(i, end + 1));
                i = end;
            } else {
                i++;
            }
        }
        List<String> result = new ArrayList<>(phrases);
        result.sort(Comparator.comparingInt(String::length).reversed());
        Set<String> kept = new HashSet<>();
        List<String> distinct = new ArrayList<>();
        for (String phrase : result) {
            if (kept.stream().noneMatch(longer -> longer.contains(phrase))) {
                kept.add(phrase);
                distinct.add(phrase);
            }
        }
        return distinct.subList(0, Math.min(5, distinct.size()));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    /**
     * BM25 of one enterprise over the whole corpus, kept only where a term occurs: an array as long as the corpus,
     * reused from enterprise to enterprise, and the list of touched entries to clear afterwards (a fresh array per
     * enterprise would be 7 MB of allocation at 940,000 patents).
     */
    private final class Accumulator {
        private final double[] scores;
        private final int[] touched;
        private int touchedCount;
        private final int[] seen;
        private int stamp;

        /**
         * Terms in more than {@value #MAX_TERM_SHARE} of the patents (and more than 1,000) say little about any of
         * them and cost the most: they are left out (measured: a national run three times faster).
         */
        private final int maxPostings = Math.max(1_000, (int) (corpus.size() * MAX_TERM_SHARE));

        /** Per patent, BM25's length normalisation K1 × (1 − B + B × length / average length). */
        private final double[] lengthNorms;

        Accumulator(int size) {
            lengthNorms = new double[size];
            for (int i = 0; i < size; i++) {
                lengthNorms[i] = K1 * (1 - B + B * corpus.length(i) / corpus.averageLength());
            }
            scores = new double[size];
            touched = new int[size];
            seen = new int[size];
        }

        void accumulate(EnterpriseQuery enterprise) {
            for (String term : enterprise.terms().keySet()) {
                PatentCorpus.Postings postings = corpus.postings(term);
                if (postings == null || postings.size() > maxPostings) {
                    continue;
                }
                double idfK = corpus.idf(term) * (K1 + 1);
                int[] patents = postings.patents();
                int[] frequencies = postings.frequencies();
                for (int p = 0; p < patents.length; p++) {
                    int index = patents[p];
                    if (scores[index] == 0) {
                        touched[touchedCount++] = index;
                    }
                    int tf = frequencies[p];
                    scores[index] += idfK * tf / (tf + lengthNorms[index]);
                }
            }
        }

        double score(int index) {
            return scores[index];
        }

        /** The {@code n} touched entries with the highest scores. */
        int[] best(int n) {
            TopK top = new TopK(n);
            for (int i = 0; i < touchedCount; i++) {
                top.offer(touched[i], scores[touched[i]]);
            }
            return top.indicesBestFirst();
        }

        int touchedCount() {
            return touchedCount;
        }

        int touched(int i) {
            return touched[i];
        }

        void startCandidates() {
            stamp++;
        }

        /** Whether the patent is met for the first time since {@link #startCandidates}. */
        boolean firstTime(int index) {
            if (seen[index] == stamp) {
                return false;
            }
            seen[index] = stamp;
            return true;
        }

        void reset() {
            for (int i = 0; i < touchedCount; i++) {
                scores[touched[i]] = 0;
            }
            touchedCount = 0;
        }
    }

    /** The {@code k} best (index, score) pairs seen, without boxing; ties keep the lower index. */
    private static final class TopK {
        private final int k;
        private final int[] indices;
        private final double[] scores;
        private int size;

        TopK(int k) {
            this.k = Math.max(0, k);
            this.indices = new int[this.k];
            this.scores = new double[this.k];
        }

        /** A min-heap on score: the root is the weakest kept. */
        void offer(int index, double score) {
            if (k == 0) {
                return;
            }
            if (size < k) {
                indices[size] = index;
                scores[size] = score;
                up(size++);
            } else if (score > scores[0] || (score == scores[0] && index < indices[0])) {
                indices[0] = index;
                scores[0] = score;
                down(0);
            }
        }

        boolean full() {
            return size == k;
        }

        /** The score of the weakest kept (meaningful once full). */
        double weakest() {
            return scores[0];
        }

        int[] indicesBestFirst() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a])
                    : Integer.compare(indices[a], indices[b]));
            int[] result = new int[size];
            for (int i = 0; i < size; i++) {
                result[i] = indices[order[i]];
            }
            return result;
        }

        private boolean weaker(int a, int b) {
            return scores[a] < scores[b] || (scores[a] == scores[b] && indices[a] > indices[b]);
        }

        private void up(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!weaker(i, parent)) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void down(int i) {
            while (true) {
                int left = 2 * i + 1;
                int right = left + 1;
                int weakest = i;
                if (left < size && weaker(left, weakest)) {
                    weakest = left;
                }
                if (right < size && weaker(right, weakest)) {
                    weakest = right;
                }
                if (weakest == i) {
                    return;
                }
                swap(i, weakest);
                i = weakest;
            }
        }

        private void swap(int a, int b) {
            int index = indices[a];
            indices[a] = indices[b];
            indices[b] = index;
            double score = scores[a];
            scores[a] = scores[b];
            scores[b] = score;
        }
    }
}
