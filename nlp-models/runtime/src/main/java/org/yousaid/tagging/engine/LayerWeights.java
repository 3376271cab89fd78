package org.yousaid.tagging.engine;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import edu.stanford.nlp.util.Index;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer's classifiers flattened into one feature index and one weight table, so scoring a text
 * costs one hash lookup per feature instead of one per feature per classifier (a layer holds dozens
 * of classifiers; {@link LinearClassifier#probabilityOf} looks every feature up again in each). Each
 * binary classifier becomes the single column "yes minus no" (its log-odds); the sentiment classifier
 * keeps one column per class. Scores equal the classifiers' own to rounding.
 */
final class LayerWeights {

    private final Map<String, Integer> featureIndex;
    private final int columns;
    private final int labelCount;
    /** Row-major: the weights of feature {@code f} are {@code weights[f * columns .. f * columns + columns)}. */
    private final double[] weights;
    private final double[] bias;
    private final boolean[] trained;
    private final Output output;

    LayerWeights(List<LinearClassifier<String, String>> labels, LinearClassifier<String, String> sentiment) {
        this.labelCount = labels.size();
        this.columns = labelCount + (sentiment == null ? 0 : Layer.SENTIMENTS.size());
        this.featureIndex = new HashMap<>();
        for (LinearClassifier<String, String> c : labels) {
            if (c != null) {
                index(c.featureIndex());
            }
        }
        if (sentiment != null) {
            index(sentiment.featureIndex());
        }
        this.weights = new double[featureIndex.size() * columns];
        this.bias = new double[columns];
        this.trained = new boolean[labelCount];
        for (int l = 0; l < labelCount; l++) {
            LinearClassifier<String, String> c = labels.get(l);
            if (c == null) {
                continue;
            }
            trained[l] = true;
            int yes = c.labelIndex().indexOf(Layer.YES);
            int no = c.labelIndex().indexOf(Layer.NO);
            copy(c, l, new int[] {yes}, new int[] {no});
            Counter<String> thresholds = c.scoresOf(new RVFDatum<>(new ClassicCounter<>()));
            bias[l] = thresholds.getCount(Layer.YES) - thresholds.getCount(Layer.NO);
        }
        if (sentiment != null) {
            Counter<String> thresholds = sentiment.scoresOf(new RVFDatum<>(new ClassicCounter<>()));
            for (int s = 0; s < Layer.SENTIMENTS.size(); s++) {
                int own = sentiment.labelIndex().indexOf(Layer.SENTIMENTS.get(s));
                int column = labelCount + s;
                if (own < 0) {
                    // A class absent from training data never wins.
                    bias[column] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                copy(sentiment, column, new int[] {own}, new int[0]);
                bias[column] = thresholds.getCount(Layer.SENTIMENTS.get(s));
            }
        }
        this.output = new Output(labelCount, columns, trained.clone());
    }

    private void index(Index<String> features) {
        for (String f : features) {
            featureIndex.putIfAbsent(f, featureIndex.size());
        }
    }

    private void copy(LinearClassifier<String, String> c, int column, int[] plus, int[] minus) {
        double[][] w = c.weights();
        Index<String> own = c.featureIndex();
        for (int f = 0; f < own.size(); f++) {
            double v = 0;
            for (int p : plus) {
                v += w[f][p];
            }
            for (int m : minus) {
                v -= w[f][m];
            }
            weights[featureIndex.get(own.get(f)) * columns + column] = v;
        }
    }

    /** Raw scores: log-odds per label, then the sentiment classes' scores. */
    private double[] scores(Counter<String> features) {
        double[] s = bias.clone();
        for (var entry : features.entrySet()) {
            Integer f = featureIndex.get(entry.getKey());
            if (f == null) {
                continue;
            }
            double value = entry.getValue();
            int base = f * columns;
            for (int c = 0; c < columns; c++) {
                s[c] += weights[base + c] * value;
            }
        }
        return s;
    }

    /** Per-label probabilities, then (if the layer has a sentiment classifier) the five class probabilities. */
    double[][] probabilities(Counter<String> features) {
        return probabilities(scores(features));
    }

    /** The row of {@code feature}'s weights, or -1 when no classifier of the layer knows it. */
    int row(String feature) {
        Integer f = featureIndex.get(feature);
        return f == null ? -1 : f;
    }

    /** Copies the weights of {@code row} (one per column) into {@code target} from {@code offset}. */
    void copyRow(int row, double[] target, int offset) {
        System.arraycopy(weights, row * columns, target, offset, columns);
    }

    int columns() {
        return columns;
    }

    double[] bias() {
        return bias.clone();
    }

    /** Sigmoid of each label's log-odds (0 for a label never trained), softmax of the sentiment classes. */
    double[][] probabilities(double[] s) {
        return output.probabilities(s);
    }

    /** How raw scores become probabilities: all that scoring keeps of a layer once its rows are copied out. */
    Output output() {
        return output;
    }

    record Output(int labelCount, int columns, boolean[] trained) {

        double[][] probabilities(double[] s) {
            double[] labelP = new double[labelCount];
            for (int l = 0; l < labelCount; l++) {
                labelP[l] = trained[l] ? 1.0 / (1.0 + Math.exp(-s[l])) : 0;
            }
            double[] sentimentP = new double[Layer.SENTIMENTS.size()];
            if (columns > labelCount) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = labelCount; c < columns; c++) {
                    max = Math.max(max, s[c]);
                }
                double sum = 0;
                for (int k = 0; k < sentimentP.length; k++) {
                    sentimentP[k] = Math.exp(s[labelCount + k] - max);
                    sum += sentimentP[k];
                }
                for (int k = 0; k < sentimentP.length; k++) {
                    sentimentP[k] /= sum;
                }
            }
            return new double[][] {labelP, sentimentP};
        }
    }
}
