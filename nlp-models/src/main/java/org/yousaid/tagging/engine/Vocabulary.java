package org.yousaid.tagging.engine;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.Map;
import java.util.Set;

/**
 * The features a model was trained with and their weights (inverse document frequency, or 1).
 * Sparse features outside it are dropped and the rest weighted before the sparse block is scaled to
 * unit length, so a text is scaled at prediction exactly as it was in training; the word-vector
 * block (already unit length) is added with weight {@code vectorWeight}.
 */
public record Vocabulary(Map<String, Double> weights, double vectorWeight) {

    public Set<String> features() {
        return weights.keySet();
    }

    public Counter<String> restrict(Counter<String> raw) {
        ClassicCounter<String> kept = new ClassicCounter<>();
        for (var entry : raw.entrySet()) {
            Double weight = entry.getKey().startsWith(Featuriser.VECTOR) ? null : weights.get(entry.getKey());
            if (weight != null) {
                kept.setCount(entry.getKey(), entry.getValue() * weight);
            }
        }
        unitLength(kept);
        if (vectorWeight > 0) {
            for (var entry : raw.entrySet()) {
                if (entry.getKey().startsWith(Featuriser.VECTOR)) {
                    kept.setCount(entry.getKey(), entry.getValue() * vectorWeight);
                }
            }
        }
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
