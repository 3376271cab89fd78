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
    /** The stacked layer's extra inputs: a first-layer label's probability, a sentiment class's. */
    static final String LABEL_INPUT = "m:";
    static final String SENTIMENT_INPUT = "ms:";
    /** A first-layer label probability at or below this is left out of the stacked layer's input. */
    static final double STACKED_FLOOR = 0.01;

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
            if (labelP[l] > STACKED_FLOOR) {
                f.setCount(LABEL_INPUT + l, labelP[l]);
            }
        }
        for (int s = 0; s < sentimentP.length; s++) {
            f.setCount(SENTIMENT_INPUT + s, sentimentP[s]);
        }
        return f;
    }
}
