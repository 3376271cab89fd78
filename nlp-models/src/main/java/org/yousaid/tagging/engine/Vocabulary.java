package org.yousaid.tagging.engine;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.Set;

/**
 * The features a model was trained with. Sparse features outside it are dropped before the sparse
 * block is scaled to unit length, so a text is scaled at prediction exactly as it was in training;
 * the word-vector block (already unit length) is added with weight {@code vectorWeight}.
 */
public record Vocabulary(Set<String> features, double vectorWeight) {

    public Counter<String> restrict(Counter<String> raw) {
        ClassicCounter<String> kept = new ClassicCounter<>();
        for (var entry : raw.entrySet()) {
            if (!entry.getKey().startsWith(Featuriser.VECTOR) && features.contains(entry.getKey())) {
                kept.setCount(entry.getKey(), entry.getValue());
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
