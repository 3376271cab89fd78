package org.yousaid.tagging.engine;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.Map;
import java.util.Set;

/**
 * The features a model was trained with and their weights (inverse document frequency, or 1).
 * Sparse features outside it are dropped and the rest weighted before the sparse block is scaled to
 * unit length, so a text is scaled at prediction exactly as it was in training; the dense blocks
 * (already unit length) are added with their weights: the mean word vector with {@code vectorWeight},
 * the sentence embedding with {@code sentenceWeight}.
 */
public record Vocabulary(Map<String, Double> weights, double vectorWeight, double sentenceWeight) {

    public Set<String> features() {
        return weights.keySet();
    }

    public Counter<String> restrict(Counter<String> raw) {
        ClassicCounter<String> kept = new ClassicCounter<>();
        ClassicCounter<String> dense = new ClassicCounter<>();
        for (var entry : raw.entrySet()) {
            String key = entry.getKey();
            double blockWeight = key.startsWith(Featuriser.VECTOR) ? vectorWeight
                    : key.startsWith(Featuriser.SENTENCE) ? sentenceWeight : Double.NaN;
            if (!Double.isNaN(blockWeight)) {
                if (blockWeight > 0) {
                    dense.setCount(key, entry.getValue() * blockWeight);
                }
                continue;
            }
            Double weight = weights.get(key);
            if (weight != null) {
                kept.setCount(key, entry.getValue() * weight);
            }
        }
        unitLength(kept);
        kept.addAll(dense);
        return kept;
    }

    static Counter<String> unitLength(ClassicCounter<String> counter) {
        double sumSquares = 0;
        for (double v : counter.values()) {
            sumSquares += v * v;
        }
        if (sumSquares > 0) {
            double norm = Math.sqrt(sumSquares);
            for (String key : counter.keySet()) {
                counter.setCount(key, counter.getCount(key) / norm);
            }
        }
        return counter;
    }
}
