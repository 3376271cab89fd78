package org.yousaid.tagging.engine;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One layer of classifiers over the same features: a binary {@link LinearClassifier} per label (null
 * for a label never seen positive) and a 5-class sentiment classifier (null without sentiment data).
 */
record Layer(List<LinearClassifier<String, String>> labels, LinearClassifier<String, String> sentiment,
             LayerWeights weights) {

    static final String YES = "yes";
    static final String NO = "no";
    static final List<String> SENTIMENTS = List.of("1", "2", "3", "4", "5");

    Layer(List<LinearClassifier<String, String>> labels, LinearClassifier<String, String> sentiment) {
        this(Collections.unmodifiableList(new ArrayList<>(labels)), sentiment, new LayerWeights(labels, sentiment));
    }

    /** Label probabilities, then sentiment class probabilities (zeros without a sentiment model), in one pass. */
    double[][] probabilities(Counter<String> features) {
        return weights.probabilities(features);
    }

    /**
     * The second layer sees the text's features plus the first layer's label and sentiment
     * probabilities, so it learns which themes travel together (waiting times with EHC plans) and
     * how sentiment bears on a theme (praise without a subject is "positive experience").
     */
    static Counter<String> stacked(Counter<String> features, double[] labelP, double[] sentimentP) {
        ClassicCounter<String> f = new ClassicCounter<>(features);
        for (int l = 0; l < labelP.length; l++) {
            if (labelP[l] > 0.01) {
                f.setCount("m:" + l, labelP[l]);
            }
        }
        for (int s = 0; s < sentimentP.length; s++) {
            f.setCount("ms:" + s, sentimentP[s]);
        }
        return f;
    }
}
