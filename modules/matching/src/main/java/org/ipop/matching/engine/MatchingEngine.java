package org.ipop.matching.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.ipop.library.MatchablePatent;

/**
 * Scores enterprise–patent pairs and finds each enterprise's best patents (and each patent's best enterprises).
 *
 * <p>Candidates are the patents that share an SEI branch with the enterprise (registered, bridged from its industry
 * classes, or named by a demand), share an IPC subclass with its own patents, or rank among the best
 * {@value #TEXT_CANDIDATES} by text. Each candidate is scored:
 * <pre>
 *   score = 0.55 × structure + 0.35 × text + priors
 *   structure = max(segment link: 1.0 registered / 0.75 inferred, × 0.85 if the patent's tag is IPC-only;
 *                   shared IPC subclass: 0.8)
 *   text      = bm25 / (bm25 + 6)           BM25 (k1 1.2, b 0.75) of the enterprise's terms in the patent's text
 *   priors    = same province 0.04, tier A 0.05 / B 0.03 / C 0.01, value score × 0.0003,
 *               feedback: per interested patent of the same branch +0.03 (at most +0.09),
 *               per not relevant −0.05 (at most −0.15)
 * </pre>
 * An enterprise that gives no IPC codes gets them inferred from the patents its words find best
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
    static final int FEEDBACK_PATENTS = 30;
    static final double MIN_SUBCLASS_SHARE = 0.2;
    static final double DIVERSITY = 0.03;
    static final double INFERRED_LINK = 0.6;
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final double TEXT_HALF = 6;

    private final PatentCorpus corpus;

    public MatchingEngine(PatentCorpus corpus) {
        this.corpus = corpus;
    }

    /** The enterprise's best {@code k} patents, best first, without the excluded ones. */
    public List<Match> topPatents(EnterpriseQuery enterprise, int k) {
        double[] text = textScores(enterprise);
        Map<String, Double> inferred = enterprise.ipcSubclasses().isEmpty() ? inferSubclasses(text, enterprise)
                : Map.of();
        Set<Integer> candidates = new LinkedHashSet<>();
        enterprise.segments().keySet().forEach(branch -> candidates.addAll(corpus.withSegment(branch)));
        enterprise.ipcSubclasses().forEach(subclass -> candidates.addAll(corpus.withSubclass(subclass)));
        candidates.addAll(bestByText(text, TEXT_CANDIDATES));
        PriorityQueue<Match> best = new PriorityQueue<>(Comparator.comparingDouble(Match::score));
        int keep = inferred.isEmpty() ? k : k * 5; // room for the diversification below
        for (int index : candidates) {
            MatchablePatent patent = corpus.patent(index);
            if (enterprise.excluded().contains(patent.id())) {
                continue;
            }
            Match match = score(enterprise, index, text[index], inferred);
            if (match == null) {
                continue;
            }
            best.add(match);
            if (best.size() > keep) {
                best.poll();
            }
        }
        List<Match> result = new ArrayList<>(best);
        result.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::patentId));
        if (inferred.isEmpty()) {
            return result;
        }
        return diversified(result, k);
    }

    /**
     * For a text-only enterprise, the inferred classification may be wrong; rather than ten patents of one
     * subclass, the list then offers the next subclasses too: each patent loses {@value #DIVERSITY} per patent
     * of its main subclass already above it.
     */
    private List<Match> diversified(List<Match> ranked, int k) {
        List<Match> remaining = new ArrayList<>(ranked);
        List<Match> chosen = new ArrayList<>();
        Map<String, Integer> shown = new java.util.HashMap<>();
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
        double[] text = textScores(enterprise);
        List<Integer> best = bestByText(text, k + enterprise.excluded().size());
        best.sort(Comparator.comparingDouble((Integer i) -> text[i]).reversed());
        List<Match> result = new ArrayList<>();
        for (int index : best) {
            String id = corpus.patent(index).id();
            if (!enterprise.excluded().contains(id) && result.size() < k) {
                result.add(new Match(enterprise.id(), id, text[index], 0, text[index], List.of(), List.of(),
                        List.of()));
            }
        }
        return result;
    }

    /**
     * For an enterprise that states no IPC codes: the IPC subclasses of the patents its words find best (the top
     * {@value #FEEDBACK_PATENTS} by BM25, each voting with its score), as shares of the strongest vote, from
     * {@value #MIN_SUBCLASS_SHARE} up. Words are ambiguous (电池 in a battery and in a solar cell); the library's
     * classification of the patents those words find says which technology is meant.
     */
    Map<String, Double> inferSubclasses(double[] text, EnterpriseQuery enterprise) {
        List<Integer> top = bestByText(text, FEEDBACK_PATENTS);
        Map<String, Double> votes = new java.util.HashMap<>();
        for (int index : top) {
            if (enterprise.excluded().contains(corpus.patent(index).id())) {
                continue;
            }
            corpus.patent(index).ipcCodes().stream().filter(code -> code.length() >= 4).map(code -> code.substring(0, 4))
                    .distinct().forEach(subclass -> votes.merge(subclass, text[index], Double::sum));
        }
        double strongest = votes.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<String, Double> shares = new java.util.HashMap<>();
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
        PriorityQueue<Match> best = new PriorityQueue<>(Comparator.comparingDouble(Match::score));
        for (EnterpriseQuery enterprise : enterprises) {
            if (enterprise.excluded().contains(patentId)) {
                continue;
            }
            Match match = score(enterprise, patentIndex, textScore(enterprise, patentIndex));
            if (match == null) {
                continue;
            }
            // Among enterprises, a recognised one (专精特新, 小巨人, 高新) is a likelier taker.
            if (enterprise.recognised()) {
                List<String> priors = new ArrayList<>(match.priors());
                priors.add("企业获认定（专精特新等）+0.02");
                match = new Match(match.enterpriseId(), match.patentId(), match.score() + 0.02, match.structural(),
                        match.text(), match.segments(), match.sharedTerms(), priors);
            }
            best.add(match);
            if (best.size() > k) {
                best.poll();
            }
        }
        List<Match> result = new ArrayList<>(best);
        result.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::enterpriseId));
        return result;
    }

    /** The pair's score and explanation, or null if nothing links them. */
    Match score(EnterpriseQuery enterprise, int index, double bm25) {
        return score(enterprise, index, bm25, Map.of());
    }

    private Match score(EnterpriseQuery enterprise, int index, double bm25, Map<String, Double> inferredSubclasses) {
        MatchablePatent patent = corpus.patent(index);
        double structure = 0;
        List<String> segments = new ArrayList<>();
        for (MatchablePatent.Segment segment : patent.segments()) {
            String how = segment.catalog().equals("SEI_2021") ? enterprise.segments().get(segment.code()) : null;
            if (how == null) {
                continue;
            }
            double link = how.equals("企业登记的细分领域") ? 1.0 : 0.75;
            if (!segment.keywordConfirmed()) {
                link *= 0.85;
            }
            structure = Math.max(structure, link);
            segments.add("战略性新兴产业 " + segment.code() + " " + segment.name() + "（" + how
                    + (segment.keywordConfirmed() ? "；专利文本含该领域关键词" : "；专利仅凭分类号归入") + "）");
        }
        Set<String> shared = new LinkedHashSet<>();
        for (String code : patent.ipcCodes()) {
            if (code.length() >= 4 && enterprise.ipcSubclasses().contains(code.substring(0, 4))) {
                shared.add(code.substring(0, 4));
            }
        }
        if (!shared.isEmpty()) {
            structure = Math.max(structure, 0.8);
            segments.add("IPC 小类 " + String.join("、", shared) + " 与企业自有专利相同");
        }
        double inferred = 0;
        String inferredSubclass = null;
        for (String code : patent.ipcCodes()) {
            Double share = code.length() >= 4 ? inferredSubclasses.get(code.substring(0, 4)) : null;
            if (share != null && share > inferred) {
                inferred = share;
                inferredSubclass = code.substring(0, 4);
            }
        }
        if (inferredSubclass != null && INFERRED_LINK * inferred > structure) {
            structure = INFERRED_LINK * inferred;
            segments.add("IPC 小类 " + inferredSubclass + "：与企业描述最相近的专利多属此类");
        }
        double text = bm25 / (bm25 + TEXT_HALF);
        if (structure == 0 && text < MIN_TEXT) {
            return null;
        }
        List<String> priors = new ArrayList<>();
        double prior = 0;
        if (enterprise.provinceCode() != null && enterprise.provinceCode().equals(corpus.province(index))) {
            prior += 0.04;
            priors.add("同省 +0.04");
        }
        double tierPrior = switch (patent.tier() == null ? "" : patent.tier()) {
            case "A" -> 0.05;
            case "B" -> 0.03;
            case "C" -> 0.01;
            default -> 0;
        };
        if (tierPrior > 0) {
            prior += tierPrior;
            priors.add(patent.tier() + " 档 +" + String.format(Locale.ROOT, "%.2f", tierPrior));
        }
        int net = 0;
        for (MatchablePatent.Segment segment : patent.segments()) {
            if (segment.catalog().equals("SEI_2021")) {
                net += enterprise.feedback().getOrDefault(segment.code(), 0);
            }
        }
        if (net != 0) {
            double feedback = Math.max(-0.15, Math.min(0.09, net > 0 ? 0.03 * net : 0.05 * net));
            prior += feedback;
            priors.add(String.format(Locale.ROOT, "企业对同领域已推送专利的反馈（%s%d）%+.2f", net > 0 ? "感兴趣 +" : "不相关 ",
                    Math.abs(net), feedback));
        }
        double valuePrior = patent.valueScore() * 0.0003;
        prior += valuePrior;
        priors.add(String.format(Locale.ROOT, "价值分 %.1f +%.3f", patent.valueScore(), valuePrior));
        double score = W_STRUCTURE * structure + W_TEXT * text + prior;
        return new Match(enterprise.id(), patent.id(), round(score), round(structure), round(text), segments,
                sharedPhrases(PatentCorpus.text(patent), enterprise.terms()), priors);
    }

    /** BM25 of the enterprise's terms for every patent (0 where none occurs). */
    double[] textScores(EnterpriseQuery enterprise) {
        double[] scores = new double[corpus.size()];
        for (String term : enterprise.terms().keySet()) {
            double idf = corpus.idf(term);
            for (int[] posting : corpus.postings(term)) {
                scores[posting[0]] += idf * termWeight(posting[1], corpus.length(posting[0]));
            }
        }
        return scores;
    }

    private double textScore(EnterpriseQuery enterprise, int index) {
        Map<String, Integer> terms = corpus.termsOf(index);
        double score = 0;
        for (String term : enterprise.terms().keySet()) {
            Integer tf = terms.get(term);
            if (tf != null) {
                score += corpus.idf(term) * termWeight(tf, corpus.length(index));
            }
        }
        return score;
    }

    private double termWeight(int tf, int length) {
        return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / corpus.averageLength()));
    }

    private static List<Integer> bestByText(double[] scores, int n) {
        PriorityQueue<Integer> best = new PriorityQueue<>(Comparator.comparingDouble(i -> scores[i]));
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0) {
                best.add(i);
                if (best.size() > n) {
                    best.poll();
                }
            }
        }
        return new ArrayList<>(best);
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
}
