package org.ipop.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of each IPC subclass, for reading a need that states no field: per subclass, the sum of its patents'
 * term vectors (TF-IDF, each patent's vector of length 1), so a need's words are scored against a whole field at
 * once rather than against the 30 patents they happen to find best. A need is scored against every subclass by its
 * cosine with each of the subclass's patents, summed and divided by (patents of the subclass)^{@value
 * #SIZE_EXPONENT} (the sum favours large fields, the mean favours fields of one lucky patent), and the scores become
 * probabilities by a softmax of temperature {@value #TEMPERATURE}.
 *
 * <p>Why next to the neighbours' vote: on the real titles the subclasses of the 30 best BM25 hits name a right
 * subclass among the first 10 for 76% of needs and among the first 30 for 85%; the profiles do for 83% and 93%
 * (docs/benchmarks.md). The vote stays the better judge of the first field (it decides which patents come first);
 * the profiles say which further fields are worth a place when the first guess may be wrong.
 *
 * <p>Terms are the engine's ({@link Terms}: Han bigrams without the pairs every title has, Latin words) plus the
 * single Han characters of those bigrams: a 17-character title shares few bigrams with its field, but 涂, 膜, 钢 say
 * much about it (measured: without the characters the profiles name a right subclass in 10 for 75%, not 83%).
 * Terms of one patent only are left out (they tell nothing about a field).
 *
 * <p>Cost: built once with the corpus (one pass to count terms, one per subclass over its patents' texts), kept as
 * per term the subclasses it occurs in with their summed weights — at most (distinct terms × subclasses) floats,
 * in practice far fewer; a need is scored by reading the lists of its terms (tens of terms × at most a few hundred
 * subclasses) and one softmax over the subclasses.
 */
final class FieldProfiles {

    static final double SIZE_EXPONENT = 0.7;
    static final double TEMPERATURE = 0.05;
    private static final int[] NO_SUBCLASSES = new int[0];
    private static final float[] NO_WEIGHTS = new float[0];

    /** Per feature (term or character): its number, its document frequency. */
    private final Map<String, Integer> featureNumbers;
    private final int[] documentFrequencies;
    private final int documents;
    /** Per feature number: the subclasses (by the corpus's number) whose patents have it, and the summed weights. */
    private final int[][] subclassesOfFeature;
    private final float[][] weightsOfFeature;
    /** Per subclass number: how many patents it has. */
    private final int[] patentsOfSubclass;
    private final PatentCorpus corpus;

    FieldProfiles(PatentCorpus corpus) {
        this.corpus = corpus;
        this.documents = corpus.size();
        featureNumbers = new HashMap<>();
        int[] frequencies = new int[1024];
        for (int i = 0; i < documents; i++) {
            for (String feature : features(corpus.termsOf(i)).keySet()) {
                int number = featureNumbers.computeIfAbsent(feature, key -> featureNumbers.size());
                if (number == frequencies.length) {
                    frequencies = Arrays.copyOf(frequencies, number * 2);
                }
                frequencies[number]++;
            }
        }
        documentFrequencies = Arrays.copyOf(frequencies, featureNumbers.size());
        int subclasses = corpus.subclassCount();
        patentsOfSubclass = new int[subclasses];
        List<List<Integer>> members = new ArrayList<>();
        for (int s = 0; s < subclasses; s++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < documents; i++) {
            for (int s : corpus.subclassNumbersOf(i)) {
                members.get(s).add(i);
                patentsOfSubclass[s]++;
            }
        }
        // One subclass at a time: its patents' vectors summed in a scratch array, then appended to each feature's
        // list (so a feature's list is built without searching it).
        int features = featureNumbers.size();
        int[] listSizes = new int[features];
        int[][] subclassLists = new int[features][];
        float[][] weightLists = new float[features][];
        float[] sum = new float[features];
        int[] touched = new int[features];
        for (int s = 0; s < subclasses; s++) {
            int touchedCount = 0;
            for (int patent : members.get(s)) {
                Vector vector = vector(corpus.termsOf(patent));
                for (int f = 0; f < vector.features.length; f++) {
                    int feature = vector.features[f];
                    if (sum[feature] == 0) {
                        touched[touchedCount++] = feature;
                    }
                    sum[feature] += vector.weights[f];
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                int feature = touched[t];
                if (subclassLists[feature] == null) {
                    subclassLists[feature] = new int[2];
                    weightLists[feature] = new float[2];
                } else if (listSizes[feature] == subclassLists[feature].length) {
                    subclassLists[feature] = Arrays.copyOf(subclassLists[feature], listSizes[feature] * 2);
                    weightLists[feature] = Arrays.copyOf(weightLists[feature], listSizes[feature] * 2);
                }
                subclassLists[feature][listSizes[feature]] = s;
                weightLists[feature][listSizes[feature]++] = sum[feature];
                sum[feature] = 0;
            }
        }
        subclassesOfFeature = new int[features][];
        weightsOfFeature = new float[features][];
        for (int f = 0; f < features; f++) {
            // (a feature of one patent only is in no profile: one shared empty list)
            subclassesOfFeature[f] = subclassLists[f] == null ? NO_SUBCLASSES
                    : Arrays.copyOf(subclassLists[f], listSizes[f]);
            weightsOfFeature[f] = weightLists[f] == null ? NO_WEIGHTS : Arrays.copyOf(weightLists[f], listSizes[f]);
        }
    }

    /**
     * Per subclass number, the probability that a need of these terms belongs to it, leaving out the {@code
     * excluded} patents (by corpus index) as if they were not in the library; null if none of the terms is known.
     */
    double[] probabilities(Map<String, Integer> terms, Set<Integer> excluded) {
        Vector need = vector(terms);
        if (need.features.length == 0) {
            return null;
        }
        int subclasses = patentsOfSubclass.length;
        double[] scores = new double[subclasses];
        for (int f = 0; f < need.features.length; f++) {
            int[] of = subclassesOfFeature[need.features[f]];
            float[] weights = weightsOfFeature[need.features[f]];
            for (int e = 0; e < of.length; e++) {
                scores[of[e]] += need.weights[f] * weights[e];
            }
        }
        int[] sizes = patentsOfSubclass;
        if (!excluded.isEmpty()) {
            sizes = sizes.clone();
            for (int patent : excluded) {
                double cosine = need.dot(vector(corpus.termsOf(patent)));
                for (int s : corpus.subclassNumbersOf(patent)) {
                    scores[s] -= cosine;
                    sizes[s]--;
                }
            }
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < subclasses; s++) {
            if (sizes[s] > 0) {
                scores[s] /= Math.pow(sizes[s], SIZE_EXPONENT) * TEMPERATURE;
                best = Math.max(best, scores[s]);
            }
        }
        double total = 0;
        for (int s = 0; s < subclasses; s++) {
            scores[s] = sizes[s] > 0 ? Math.exp(scores[s] - best) : 0;
            total += scores[s];
        }
        for (int s = 0; s < subclasses; s++) {
            scores[s] /= total;
        }
        return scores;
    }

    /** The engine's terms and the single Han characters of its bigrams, with their counts (a character once). */
    private static Map<String, Integer> features(Map<String, Integer> terms) {
        Map<String, Integer> features = new HashMap<>(terms);
        for (String term : terms.keySet()) {
            if (term.length() == 2 && Terms.isHan(term.charAt(0))) {
                features.put(term.substring(0, 1), 1);
                features.put(term.substring(1), 1);
            }
        }
        return features;
    }

    /** A text's features that occur in at least two patents, weighted (1 + ln count) × ln(N / df), of length 1. */
    private Vector vector(Map<String, Integer> terms) {
        Map<String, Integer> features = features(terms);
        int[] numbers = new int[features.size()];
        float[] weights = new float[features.size()];
        int size = 0;
        double norm = 0;
        for (Map.Entry<String, Integer> feature : features.entrySet()) {
            Integer number = featureNumbers.get(feature.getKey());
            if (number == null || documentFrequencies[number] < 2) {
                continue;
            }
            double weight = (1 + Math.log(feature.getValue()))
                    * Math.log((double) documents / documentFrequencies[number]);
            numbers[size] = number;
            weights[size++] = (float) weight;
            norm += weight * weight;
        }
        float length = (float) Math.sqrt(norm);
        if (length == 0) {
            return new Vector(new int[0], new float[0]);
        }
        for (int f = 0; f < size; f++) {
            weights[f] /= length;
        }
        return new Vector(Arrays.copyOf(numbers, size), Arrays.copyOf(weights, size));
    }

    /** A sparse vector over the feature numbers. */
    private record Vector(int[] features, float[] weights) {

        double dot(Vector other) {
            double dot = 0;
            for (int f = 0; f < features.length; f++) {
                for (int g = 0; g < other.features.length; g++) {
                    if (features[f] == other.features[g]) {
                        dot += weights[f] * other.weights[g];
                    }
                }
            }
            return dot;
        }
    }
}
