package org.ipop.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.ipop.library.MatchablePatent;

/**
 * Scores enterprise–patent pairs and finds each enterprise's best patents (and each patent's best enterprises).
 *
 * <p>Candidates are the patents that share an SEI branch with the enterprise (registered, bridged from its industry
 * classes, or named by a demand), share an IPC subclass with its own patents, or rank among the best
 * {@value #TEXT_CANDIDATES} by text. A branch or subclass list is ordered by what a patent brings whoever the
 * enterprise (keyword-confirmed tag, tier, value), in the enterprise's province and overall; a patent of it is scored
 * only if an upper bound of its score can still beat the k-th best so far, and of the patents sharing no words with
 * the enterprise at most the first {@value #LIST_CANDIDATES} — which keeps a national run linear in the number of
 * enterprises. Scoring reads the enterprise's links as arrays in the corpus's numbering ({@link Links}). Each
 * candidate is scored:
 * <pre>
 *   score = 0.55 × structure + 0.35 × text + priors
 *   structure = max(segment link: 1.0 registered / 0.75 inferred, × 0.85 if the patent's tag is IPC-only;
 *                   shared IPC subclass: 0.8)
 *   text      = bm25 / (bm25 + 6)           BM25 (k1 1.2, b 0.75) of the enterprise's terms in the patent's text
 *   priors    = same province 0.04, tier A 0.05 / B 0.03 / C 0.01, value score × 0.0003,
 *               feedback: per interested patent of the same branch +0.03 (at most +0.09),
 *               per not relevant −0.05 (at most −0.15)
 * </pre>
 * An enterprise known only by its words (no branch, no IPC codes) gets its technical fields inferred from the
 * patents its words find best ({@link #inferFields}): the structure of a pair is then the probability that the patent
 * shares an IPC subclass with the need, the text counts {@value #W_TEXT_ONLY} × BM25 relative to the best text match
 * (the words already chose the fields), and the last of every ten places goes to the fields not yet shown in case
 * the inference is wrong ({@link #coverFields}).
 * A candidate needs a structural link or a text score of at least {@value #MIN_TEXT}. Every match carries its
 * explanation: the segments that linked it and how, the phrases both texts share, the priors and their amounts.
 */
public final class MatchingEngine {

    static final double W_STRUCTURE = 0.55;
    static final double W_TEXT = 0.35;
    /**
     * Without a structural link, text alone must reach this (BM25 ≥ 4): one shared common pair such as 生产 (BM25 ≈ 2
     * in a small library) is not a reason to offer a patent; a shared technical term of three or more characters is.
     */
    static final double MIN_TEXT = 0.4;
    static final int TEXT_CANDIDATES = 200;
    static final double MAX_TERM_SHARE = 0.01;
    /** The largest feedback prior (three interested answers of the branch). */
    static final double MAX_FEEDBACK = 0.09;
    /** At most this many patents of each linked branch or subclass are scored, the most promising first. */
    static final int LIST_CANDIDATES = 1_000;
    static final int FEEDBACK_PATENTS = 30;
    /** For a text-only enterprise: the weight of BM25 relative to the best text match, next to the field's 0.55. */
    static final double W_TEXT_ONLY = 0.06;
    /** For a text-only enterprise: the best patents by text considered, and per inferred field its first patents. */
    static final int TEXT_ONLY_CANDIDATES = 300;
    static final int FIELDS_SEARCHED = 10;
    /** For a text-only enterprise: the subclasses most probable by their words ({@link FieldProfiles}) also searched. */
    static final int FIELDS_COVERED = 20;
    /**
     * For a text-only enterprise: what a place is worth for making it likelier that the list shows at least one
     * patent of the need's field, against the 0.55 × probability of sharing a field that orders the list (measured on
     * the real titles: 12 keeps P@10 above 0.45 and lifts Hit@10 from 0.75 to 0.86; docs/benchmarks.md).
     */
    static final double W_COVERAGE = 12;
    /** No field is taken as certain when covering: a subclass's probability counts at most this much. */
    static final double MAX_FIELD_PROBABILITY = 0.95;
    static final int FIELD_CANDIDATES = 100;
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final double TEXT_HALF = 6;
    private static final double PROVINCE_PRIOR = 0.04;
    /** Among the enterprises a patent suits, a recognised one (专精特新, 小巨人, 高新) is a likelier taker. */
    private static final double RECOGNISED_PRIOR = 0.02;
    /** Per point of value score; the tier's part of the prior is {@link PatentCorpus#prior}. */
    static final double VALUE_PRIOR = 0.0003;

    private final PatentCorpus corpus;
    /** Per thread: BM25 accumulated over the corpus for one enterprise, touched entries only (reset after use). */
    private final ThreadLocal<Accumulator> accumulators;
    /** Per thread: the enterprise being scored, in the corpus's numbers (cleared after use). */
    private final ThreadLocal<Links> links;

    public MatchingEngine(PatentCorpus corpus) {
        this.corpus = corpus;
        this.accumulators = ThreadLocal.withInitial(() -> new Accumulator(corpus.size()));
        this.links = ThreadLocal.withInitial(Links::new);
    }

    /** The enterprise's best {@code k} patents, best first, without the excluded ones. */
    public List<Match> topPatents(EnterpriseQuery enterprise, int k) {
        Accumulator text = accumulators.get();
        text.accumulate(enterprise);
        Links links = this.links.get().load(enterprise);
        try {
            Fields fields = textOnly(enterprise) ? inferFields(text, enterprise) : Fields.NONE;
            Kept best = new Kept(k, fields); // text-only: room for covering the fields below
            text.startCandidates();
            for (int index : text.best(fields.known() ? TEXT_ONLY_CANDIDATES : TEXT_CANDIDATES)) {
                consider(links, index, text, fields, best);
            }
            String province = enterprise.provinceCode();
            for (Map.Entry<String, EnterpriseQuery.BranchLink> branch : enterprise.segments().entrySet()) {
                double link = branch.getValue().strength();
                // The list keys carry the confirmation bonus, so the link is bounded as if IPC-only.
                consider(links, corpus.withSegment(branch.getKey(), province), link * 0.85, text, fields, best);
                consider(links, corpus.withSegment(branch.getKey(), null), link * 0.85, text, fields, best);
            }
            for (String subclass : enterprise.ipcSubclasses()) {
                consider(links, corpus.withSubclass(subclass, province), 0.8, text, fields, best);
                consider(links, corpus.withSubclass(subclass, null), 0.8, text, fields, best);
            }
            for (String field : fields.searched()) {
                for (PatentCorpus.Listed list : List.of(corpus.withSubclass(field, province),
                        corpus.withSubclass(field, null))) {
                    for (int i = 0; i < Math.min(FIELD_CANDIDATES, list.size()); i++) {
                        consider(links, list.patents()[i], text, fields, best);
                    }
                }
            }
            return explained(best, k, links, text, fields);
        } finally {
            text.reset();
            links.clear();
        }
    }

    /**
     * The ids of the enterprise's best {@code k} patents found by scoring every patent of the corpus, without
     * candidate generation: the reference that the benchmark measures the recall of {@link #topPatents} against.
     */
    List<Match> exhaustiveTopPatents(EnterpriseQuery enterprise, int k) {
        Accumulator text = accumulators.get();
        text.accumulate(enterprise);
        Links links = this.links.get().load(enterprise);
        try {
            Fields fields = textOnly(enterprise) ? inferFields(text, enterprise) : Fields.NONE;
            Kept best = new Kept(k, fields);
            for (int index = 0; index < corpus.size(); index++) {
                if (enterprise.excluded().contains(corpus.patent(index).id())) {
                    continue;
                }
                double score = quickScore(links, index, text.score(index), fields);
                if (!Double.isNaN(score)) {
                    best.offer(index, score, fields);
                }
            }
            return explained(best, k, links, text, fields);
        } finally {
            text.reset();
            links.clear();
        }
    }

    /** The kept patents best first — for a text-only enterprise with its fields covered — each explained. */
    private List<Match> explained(Kept best, int k, Links links, Accumulator text, Fields fields) {
        int[] ranked = fields.known() ? coverFields(best, k, links, text, fields) : best.byScore.indicesBestFirst();
        List<Match> result = new ArrayList<>();
        for (int index : ranked) {
            result.add(explain(links, index, text.score(index), fields));
        }
        return result;
    }

    /**
     * The patents of a linked list that could still enter the k best: each is skipped when even the list's link, its
     * key (prior and confirmation), its text, the same province and the best feedback could not lift it above the
     * k-th best so far. Patents that share no words with the enterprise are read only among the first
     * {@value #LIST_CANDIDATES}, and not at all once one of them is skipped (keys only decrease along the list, and
     * the k-th best only rises).
     */
    private void consider(Links links, PatentCorpus.Listed list, double linkBound, Accumulator text, Fields fields,
            Kept best) {
        int[] patents = list.patents();
        float[] keys = list.keys();
        // (+ 1e-6: the keys are floats)
        double beyondKey = W_STRUCTURE * linkBound + PROVINCE_PRIOR + (links.hasFeedback() ? MAX_FEEDBACK : 0) + 1e-6;
        boolean wordlessDone = false;
        for (int i = 0; i < patents.length; i++) {
            int index = patents[i];
            double bm25 = text.score(index);
            if (bm25 == 0 && (wordlessDone || i >= LIST_CANDIDATES)) {
                continue;
            }
            if (best.full() && beyondKey + keys[i] + W_TEXT * bm25 / (bm25 + TEXT_HALF) <= best.weakest()) {
                wordlessDone |= bm25 == 0;
                continue;
            }
            consider(links, index, text, fields, best);
        }
    }

    private void consider(Links links, int index, Accumulator text, Fields fields, Kept best) {
        EnterpriseQuery enterprise = links.enterprise;
        if (!text.firstTime(index)
                || (!enterprise.excluded().isEmpty() && enterprise.excluded().contains(corpus.patent(index).id()))) {
            return;
        }
        double score = quickScore(links, index, text.score(index), fields);
        if (!Double.isNaN(score)) {
            best.offer(index, score, fields);
        }
    }

    /**
     * For a text-only enterprise the inferred field may be wrong (the first guess is right for 40% of real titles,
     * one of the first ten for 76%), so the list is built place by place: each place goes to the patent with the
     * highest score plus {@value #W_COVERAGE} × the probability that no field shown so far is the need's × the
     * probability that this patent's fields not yet shown are. The first places go to the patents most likely to
     * share the need's field; once a field is shown, a patent of another probable field — better, of several —
     * is worth more than one more of the same. Field probabilities for covering are the {@link FieldProfiles}'
     * (which rank the less likely fields better than the neighbours' vote); the scores keep the vote's.
     */
    private int[] coverFields(Kept kept, int k, Links links, Accumulator text, Fields fields) {
        int[] pool = kept.pool();
        double[] scores = new double[pool.length];
        int[][] subclasses = new int[pool.length][];
        for (int i = 0; i < pool.length; i++) {
            scores[i] = quickScore(links, pool[i], text.score(pool[i]), fields);
            subclasses[i] = corpus.subclassNumbersOf(pool[i]);
        }
        int[] places = placeCovering(scores, subclasses, fields, k);
        int[] chosen = new int[places.length];
        for (int place = 0; place < places.length; place++) {
            chosen[place] = pool[places[place]];
        }
        return chosen;
    }

    /**
     * The greedy of {@link #coverFields} over a pool of candidates given by their scores and subclass numbers: the
     * positions in the pool of the first {@code k} places, in order.
     */
    static int[] placeCovering(double[] scores, int[][] subclassesOf, Fields fields, int k) {
        boolean[] taken = new boolean[scores.length];
        boolean[] shown = new boolean[fields.covering().length];
        double noneShown = 1; // the probability that none of the fields shown so far is the need's
        int[] chosen = new int[Math.min(k, scores.length)];
        for (int place = 0; place < chosen.length; place++) {
            int next = -1;
            double nextValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < scores.length; i++) {
                if (!taken[i]) {
                    double value = scores[i] + W_COVERAGE * noneShown
                            * fields.probabilityOfCovering(subclassesOf[i], shown);
                    if (value > nextValue) {
                        next = i;
                        nextValue = value;
                    }
                }
            }
            taken[next] = true;
            chosen[place] = next;
            for (int subclass : subclassesOf[next]) {
                if (!shown[subclass]) {
                    shown[subclass] = true;
                    noneShown *= 1 - fields.coveringProbability(subclass);
                }
            }
        }
        return chosen;
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
     * For an enterprise that states no IPC codes and no branch: the probability of each IPC subclass being the need's
     * field, estimated from the patents its words find best (the top {@value #FEEDBACK_PATENTS} by BM25, each voting
     * for all its subclasses with its share of their scores). Words are ambiguous (电池 in a battery and in a solar
     * cell); the library's classification of the patents those words find says which technology is meant.
     */
    private Fields inferFields(Accumulator text, EnterpriseQuery enterprise) {
        Map<String, Double> votes = new HashMap<>();
        double total = 0;
        double bestText = 0;
        int voters = 0;
        for (int index : text.best(FEEDBACK_PATENTS + enterprise.excluded().size())) {
            if (enterprise.excluded().contains(corpus.patent(index).id())) {
                continue;
            }
            double vote = text.score(index);
            total += vote;
            bestText = Math.max(bestText, vote);
            for (String subclass : corpus.subclassesOf(index)) {
                votes.merge(subclass, vote, Double::sum);
            }
            if (++voters == FEEDBACK_PATENTS) {
                break;
            }
        }
        if (total == 0) {
            return Fields.NONE;
        }
        Map<String, Double> probabilities = new HashMap<>();
        double[] byNumber = new double[corpus.subclassCount()];
        for (Map.Entry<String, Double> vote : votes.entrySet()) {
            probabilities.put(vote.getKey(), vote.getValue() / total);
            byNumber[corpus.subclassNumber(vote.getKey())] = vote.getValue() / total;
        }
        Set<Integer> excluded = new HashSet<>();
        for (String id : enterprise.excluded()) {
            int index = corpus.indexOf(id);
            if (index >= 0) {
                excluded.add(index);
            }
        }
        double[] covering = corpus.fieldProfiles().probabilities(enterprise.terms(), excluded);
        List<String> searched = new ArrayList<>(mostProbable(probabilities, FIELDS_SEARCHED));
        if (covering == null) {
            covering = byNumber;
        } else {
            Integer[] byCovering = new Integer[covering.length];
            for (int s = 0; s < covering.length; s++) {
                byCovering[s] = s;
            }
            double[] p = covering;
            Arrays.sort(byCovering, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : a - b);
            for (int s = 0; s < Math.min(FIELDS_COVERED, byCovering.length); s++) {
                String code = corpus.subclassCode(byCovering[s]);
                if (!searched.contains(code)) {
                    searched.add(code);
                }
            }
        }
        return new Fields(probabilities, byNumber, covering, searched, bestText);
    }

    /** The most probable subclasses, most probable first. */
    private static List<String> mostProbable(Map<String, Double> probabilities, int n) {
        return probabilities.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    /**
     * The {@code k} enterprises the patent suits best, best first (incremental matching of a new patent). Only the
     * enterprises on the index's lists of the patent's terms, SEI branches and IPC subclasses are scored — any other
     * has neither a structural link nor text in common with it — each as {@link #quickScore} would, from sums over
     * those lists instead of from its own maps; {@link #exhaustiveTopEnterprises} is the reference it is tested
     * against.
     */
    public List<Match> topEnterprises(int patentIndex, EnterpriseIndex enterprises, int k) {
        int n = enterprises.size();
        MatchablePatent patent = corpus.patent(patentIndex);
        double[] bm25 = new double[n];
        double[] structure = new double[n];
        boolean[] reached = new boolean[n];
        int length = corpus.length(patentIndex);
        for (Map.Entry<String, Integer> term : corpus.termsOf(patentIndex).entrySet()) {
            int[] having = enterprises.withTerm(term.getKey());
            if (having.length > 0) {
                double weight = corpus.idf(term.getKey()) * termWeight(term.getValue(), length);
                for (int e : having) {
                    bm25[e] += weight;
                    reached[e] = true;
                }
            }
        }
        int[] feedback = null;
        for (MatchablePatent.Segment segment : patent.segments()) {
            if (!segment.catalog().equals("SEI_2021")) {
                continue;
            }
            double confirmation = segment.keywordConfirmed() ? 1 : 0.85;
            EnterpriseIndex.Pairs linked = enterprises.inSegment(segment.code());
            for (int i = 0; i < linked.enterprises().length; i++) {
                int e = linked.enterprises()[i];
                double link = linked.values()[i] == 1 ? EnterpriseQuery.BranchLink.REGISTERED_STRENGTH
                        : EnterpriseQuery.BranchLink.INFERRED_STRENGTH;
                structure[e] = Math.max(structure[e], link * confirmation);
                reached[e] = true;
            }
            EnterpriseIndex.Pairs answered = enterprises.answeredOn(segment.code());
            if (answered.enterprises().length > 0) {
                feedback = feedback == null ? new int[n] : feedback;
                for (int i = 0; i < answered.enterprises().length; i++) {
                    feedback[answered.enterprises()[i]] += answered.values()[i];
                }
            }
        }
        for (String subclass : corpus.subclassesOf(patentIndex)) {
            for (int e : enterprises.withSubclass(subclass)) {
                structure[e] = Math.max(structure[e], 0.8);
                reached[e] = true;
            }
        }
        String patentId = patent.id();
        int province = corpus.provinceNumber(patentIndex);
        double patentPrior = corpus.priorOf(patentIndex);
        TopK best = new TopK(k);
        for (int e = 0; e < n; e++) {
            if (!reached[e]) {
                continue;
            }
            double text = bm25[e] / (bm25[e] + TEXT_HALF);
            if ((structure[e] == 0 && text < MIN_TEXT) || enterprises.get(e).excluded().contains(patentId)) {
                continue;
            }
            double prior = patentPrior;
            if (province >= 0 && enterprises.province(e) == province) {
                prior += PROVINCE_PRIOR;
            }
            if (feedback != null) {
                prior += feedbackPrior(feedback[e]);
            }
            double score = W_STRUCTURE * structure[e] + W_TEXT * text + prior;
            best.offer(e, score + (enterprises.recognised(e) ? RECOGNISED_PRIOR : 0));
        }
        return explainedEnterprises(best, enterprises::get, patentIndex, bm25);
    }

    /**
     * {@link #topEnterprises} by scoring the patent with every enterprise in turn: the reference the index is
     * tested and benchmarked against.
     */
    List<Match> exhaustiveTopEnterprises(int patentIndex, List<EnterpriseQuery> enterprises, int k) {
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
            double score = quickScore(enterprise, patentIndex, bm25[e], Fields.NONE); // loads and clears its links
            if (!Double.isNaN(score)) {
                best.offer(e, score + (enterprise.recognised() ? RECOGNISED_PRIOR : 0));
            }
        }
        return explainedEnterprises(best, enterprises::get, patentIndex, bm25);
    }

    private List<Match> explainedEnterprises(TopK best, IntFunction<EnterpriseQuery> enterprises,
            int patentIndex, double[] bm25) {
        List<Match> result = new ArrayList<>();
        for (int e : best.indicesBestFirst()) {
            EnterpriseQuery enterprise = enterprises.apply(e);
            Match match = score(enterprise, patentIndex, bm25[e]);
            if (enterprise.recognised()) {
                List<String> priors = new ArrayList<>(match.priors());
                priors.add(String.format(Locale.ROOT, "企业获认定（专精特新等）+%.2f", RECOGNISED_PRIOR));
                match = new Match(match.enterpriseId(), match.patentId(), round(match.score() + RECOGNISED_PRIOR),
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
    double quickScore(EnterpriseQuery enterprise, int index, double bm25, Fields fields) {
        Links links = this.links.get().load(enterprise);
        try {
            return quickScore(links, index, bm25, fields);
        } finally {
            links.clear();
        }
    }

    private double quickScore(Links links, int index, double bm25, Fields fields) {
        double structure = structure(links, index, fields);
        double text = bm25 / (bm25 + TEXT_HALF);
        if (structure == 0 && text < MIN_TEXT) {
            return Double.NaN;
        }
        return W_STRUCTURE * structure
                + (fields.known() ? W_TEXT_ONLY * fields.relativeText(bm25) : W_TEXT * text)
                + prior(links, index);
    }

    /** How strongly branch or classification links the pair: 0 (not at all) to 1. */
    private double structure(Links links, int index, Fields fields) {
        double structure = 0;
        if (links.hasBranches()) {
            long packed = corpus.packedBranchesOf(index);
            if (packed == PatentCorpus.UNPACKED) {
                int[] branches = corpus.branchNumbersOf(index);
                boolean[] confirmed = corpus.seiConfirmedOf(index);
                for (int b = 0; b < branches.length; b++) {
                    structure = Math.max(structure, links.branchLink[branches[b]] * (confirmed[b] ? 1 : 0.85));
                }
            } else {
                for (; packed != 0; packed >>>= 8) {
                    int branch = (int) (packed & 0xFF);
                    structure = Math.max(structure, links.branchLink[(branch >> 1) - 1] * ((branch & 1) == 1 ? 1 : 0.85));
                }
            }
        }
        if (links.hasSubclasses()) {
            for (int subclass : corpus.subclassNumbersOf(index)) {
                if (links.ownSubclass[subclass]) {
                    structure = Math.max(structure, 0.8);
                }
            }
        }
        return fields.known() ? Math.max(structure, fields.probabilityOfSharing(corpus.subclassNumbersOf(index), null))
                : structure;
    }

    /** What moves the pair's score besides link and text: province, tier and value, the enterprise's answers. */
    private double prior(Links links, int index) {
        double prior = corpus.priorOf(index);
        if (sameProvince(links, index)) {
            prior += PROVINCE_PRIOR;
        }
        return links.hasFeedback() ? prior + feedbackPrior(feedbackOf(links, index)) : prior;
    }

    private boolean sameProvince(Links links, int index) {
        return links.province >= 0 && links.province == corpus.provinceNumber(index);
    }

    /** Interested minus not relevant, over the patent's SEI branches. */
    private int feedbackOf(Links links, int index) {
        int feedback = 0;
        for (int branch : corpus.branchNumbersOf(index)) {
            feedback += links.feedback[branch];
        }
        return feedback;
    }

    private static double feedbackPrior(int feedback) {
        return feedback == 0 ? 0 : Math.max(-0.15, Math.min(0.09, feedback > 0 ? 0.03 * feedback : 0.05 * feedback));
    }

    /** The pair's score and explanation, or null if nothing links them. */
    Match score(EnterpriseQuery enterprise, int index, double bm25) {
        Links links = this.links.get().load(enterprise);
        try {
            return explain(links, index, bm25, Fields.NONE);
        } finally {
            links.clear();
        }
    }

    /**
     * The pair's match with why: the same numbers as {@link #quickScore}, and in words the branches and
     * subclasses that link them, the phrases both texts share, and each prior with its amount. Only for the matches
     * that are kept.
     */
    private Match explain(Links links, int index, double bm25, Fields fields) {
        EnterpriseQuery enterprise = links.enterprise;
        double score = quickScore(links, index, bm25, fields);
        if (Double.isNaN(score)) {
            return null;
        }
        MatchablePatent patent = corpus.patent(index);
        List<String> segments = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        for (MatchablePatent.Segment segment : patent.segments()) {
            EnterpriseQuery.BranchLink link = segment.catalog().equals("SEI_2021")
                    ? enterprise.segments().get(segment.code()) : null;
            if (link != null) {
                branches.add(segment.code());
                segments.add("战略性新兴产业 " + segment.code() + " " + segment.name() + "（" + link.reason()
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
            double share = fields.probability(subclass);
            if (share > inferred) {
                inferred = share;
                inferredSubclass = subclass;
            }
        }
        if (!shared.isEmpty()) {
            segments.add("IPC 小类 " + String.join("、", shared) + " 与企业自有专利相同");
        }
        if (inferredSubclass != null && fields.probabilityOfSharing(corpus.subclassNumbersOf(index), null)
                > structure(links, index, Fields.NONE)) {
            segments.add(String.format(Locale.ROOT, "IPC 小类 %s：与企业描述最相近的专利中 %.0f%% 属此类",
                    inferredSubclass, 100 * inferred));
        } else if (fields.known() && corpus.subclassNumbersOf(index).length > 0) {
            // Placed to cover another probable field (coverFields): say which, and how likely by the words.
            int covered = corpus.subclassNumbersOf(index)[0];
            for (int subclass : corpus.subclassNumbersOf(index)) {
                if (fields.covering()[subclass] > fields.covering()[covered]) {
                    covered = subclass;
                }
            }
            segments.add(String.format(Locale.ROOT, "IPC 小类 %s：企业描述的用词与此类专利相近（%.0f%%），作为备选领域列出",
                    corpus.subclassCode(covered), 100 * fields.covering()[covered]));
        }
        List<String> priors = new ArrayList<>();
        if (sameProvince(links, index)) {
            priors.add(String.format(Locale.ROOT, "同省 +%.2f", PROVINCE_PRIOR));
        }
        double tierPrior = PatentCorpus.tierPrior(patent.tier());
        if (tierPrior > 0) {
            priors.add(patent.tier() + " 档 +" + String.format(Locale.ROOT, "%.2f", tierPrior));
        }
        int feedback = links.hasFeedback() ? feedbackOf(links, index) : 0;
        if (feedback != 0) {
            priors.add(String.format(Locale.ROOT, "企业对同领域已推送专利的反馈（%s%d）%+.2f",
                    feedback > 0 ? "感兴趣 +" : "不相关 ", Math.abs(feedback), feedbackPrior(feedback)));
        }
        if (patent.valueScore() > 0) { // a patent of another centre's catalogue shows no value score
            priors.add(String.format(Locale.ROOT, "价值分 %.1f +%.3f", patent.valueScore(),
                    patent.valueScore() * VALUE_PRIOR));
        }
        return new Match(enterprise.id(), patent.id(), round(score),
                round(structure(links, index, fields)), round(bm25 / (bm25 + TEXT_HALF)), branches,
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
     * One enterprise in the corpus's numbers: the link of each SEI branch (1.0 registered, 0.75 inferred), whether
     * each IPC subclass is one of its own patents', its answers per branch, its province. Loaded for the enterprise
     * being scored and cleared afterwards (only the entries set), so scoring a pair reads arrays.
     */
    private final class Links {
        final double[] branchLink = new double[corpus.branchCount()];
        final int[] feedback = new int[corpus.branchCount()];
        final boolean[] ownSubclass = new boolean[corpus.subclassCount()];
        private final int[] setBranches = new int[corpus.branchCount() * 2];
        private int branchesSet;
        private final int[] setSubclasses = new int[corpus.subclassCount()];
        private int subclassesSet;
        private boolean anyFeedback;
        EnterpriseQuery enterprise;
        int province = -1;

        Links load(EnterpriseQuery enterprise) {
            this.enterprise = enterprise;
            province = PatentCorpus.provinceNumber(enterprise.provinceCode());
            for (Map.Entry<String, EnterpriseQuery.BranchLink> segment : enterprise.segments().entrySet()) {
                int branch = corpus.branchNumber(segment.getKey());
                if (branch >= 0) {
                    branchLink[branch] = segment.getValue().strength();
                    setBranches[branchesSet++] = branch;
                }
            }
            for (Map.Entry<String, Integer> answers : enterprise.feedback().entrySet()) {
                int branch = corpus.branchNumber(answers.getKey());
                if (branch >= 0 && answers.getValue() != 0) {
                    feedback[branch] = answers.getValue();
                    setBranches[branchesSet++] = branch;
                    anyFeedback = true;
                }
            }
            for (String code : enterprise.ipcSubclasses()) {
                int subclass = corpus.subclassNumber(code);
                if (subclass >= 0 && !ownSubclass[subclass]) {
                    ownSubclass[subclass] = true;
                    setSubclasses[subclassesSet++] = subclass;
                }
            }
            return this;
        }

        boolean hasBranches() {
            return branchesSet > 0;
        }

        boolean hasSubclasses() {
            return subclassesSet > 0;
        }

        boolean hasFeedback() {
            return anyFeedback;
        }

        void clear() {
            for (int i = 0; i < branchesSet; i++) {
                branchLink[setBranches[i]] = 0;
                feedback[setBranches[i]] = 0;
            }
            for (int i = 0; i < subclassesSet; i++) {
                ownSubclass[setSubclasses[i]] = false;
            }
            branchesSet = 0;
            subclassesSet = 0;
            anyFeedback = false;
            enterprise = null;
            province = -1;
        }
    }

    /**
     * The technical fields inferred for a text-only enterprise: per IPC subclass, the probability that the need
     * belongs to it (by code, and by the corpus's subclass number for scoring), and the best BM25 its words reached
     * (text is then scored relative to it).
     */
    record Fields(Map<String, Double> probabilities, double[] byNumber, double[] covering, List<String> searched,
            double bestText) {

        static final Fields NONE = new Fields(Map.of(), new double[0], new double[0], List.of(), 0);

        boolean known() {
            return !probabilities.isEmpty();
        }

        double probability(String subclass) {
            return probabilities.getOrDefault(subclass, 0.0);
        }

        /**
         * The probability for covering (by {@link FieldProfiles}) that a subclass is the need's field, at most
         * {@value MatchingEngine#MAX_FIELD_PROBABILITY}.
         */
        double coveringProbability(int subclass) {
            return Math.min(MAX_FIELD_PROBABILITY, covering[subclass]);
        }

        /** The probability that one of these subclasses not yet {@code shown} (null: none) is the need's field. */
        double probabilityOfCovering(int[] subclassNumbers, boolean[] shown) {
            double none = 1;
            for (int subclass : subclassNumbers) {
                if (shown == null || !shown[subclass]) {
                    none *= 1 - coveringProbability(subclass);
                }
            }
            return 1 - none;
        }

        /**
         * The probability that a patent of these subclasses shares one with the need, counting only the subclasses
         * not {@code ignored} (by number; null for none): 1 − Π (1 − p), each subclass taken as independent.
         */
        double probabilityOfSharing(int[] subclassNumbers, boolean[] ignored) {
            double none = 1;
            for (int subclass : subclassNumbers) {
                if (ignored == null || !ignored[subclass]) {
                    none *= 1 - Math.min(0.999, byNumber[subclass]);
                }
            }
            return 1 - none;
        }

        double relativeText(double bm25) {
            return bestText > 0 ? Math.min(1, bm25 / bestText) : 0;
        }
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

    /**
     * The candidates kept: the best by score and, for a text-only enterprise, also the most likely to show the
     * need's field by {@link FieldProfiles} (the patents {@link #coverFields} may place although their score is not
     * among the best).
     */
    private final class Kept {
        final TopK byScore;
        final TopK byCovering;

        Kept(int k, Fields fields) {
            byScore = new TopK(fields.known() ? k * 30 : k);
            byCovering = fields.known() ? new TopK(k * 30) : null;
        }

        void offer(int index, double score, Fields fields) {
            byScore.offer(index, score);
            if (byCovering != null) {
                byCovering.offer(index, fields.probabilityOfCovering(corpus.subclassNumbersOf(index), null));
            }
        }

        boolean full() {
            return byScore.full();
        }

        double weakest() {
            return byScore.weakest();
        }

        /** The best by score, best first, then the others kept for covering. */
        int[] pool() {
            Set<Integer> pool = new LinkedHashSet<>();
            for (int index : byScore.indicesBestFirst()) {
                pool.add(index);
            }
            if (byCovering != null) {
                for (int index : byCovering.indicesBestFirst()) {
                    pool.add(index);
                }
            }
            return pool.stream().mapToInt(Integer::intValue).toArray();
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
            Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a])
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
