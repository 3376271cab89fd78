package org.yousaid.tagging.engine;

import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained model laid out for scoring one text at a time: each vocabulary feature gets one number,
 * its idf weight and its rows of both layers' weights sit in arrays under that number, and the dense
 * blocks (word vector, sentence embedding) and the stacked layer's inputs get fixed rows. Scoring is
 * then one hash lookup per sparse feature and array arithmetic, with no per-text counters: restricting
 * the features, copying them for the stacked layer and looking each up in every layer allocated and
 * hashed about a thousand entries three times a text, which at hundreds of comments a second showed
 * as young-generation garbage and a fifth of the tagging step's Java time. Scores equal those of
 * {@link Vocabulary#restrict}, {@link Layer#probabilities} and {@link Layer#stacked} to rounding
 * (tested).
 */
final class ScoringTables {

    private final Map<String, Integer> sparse;
    private final double[] idf;
    private final double vectorWeight;
    private final double sentenceWeight;
    private final Table first;
    private final Table second;

    ScoringTables(Vocabulary vocabulary, Layer firstLayer, Layer secondLayer) {
        this.sparse = new HashMap<>();
        List<String> order = vocabulary.weights().keySet().stream().filter(k -> dense(k) < 0).sorted().toList();
        this.idf = new double[order.size()];
        for (String feature : order) {
            idf[sparse.size()] = vocabulary.weights().get(feature);
            sparse.put(feature, sparse.size());
        }
        this.vectorWeight = vocabulary.vectorWeight();
        this.sentenceWeight = vocabulary.sentenceWeight();
        this.first = new Table(firstLayer.weights(), order, 0);
        this.second = secondLayer == null ? null : new Table(secondLayer.weights(), order, firstLayer.labels().size());
    }

    /** Label probabilities, then sentiment class probabilities, of the model's last layer. */
    double[][] probabilities(Counter<String> raw) {
        int[] ids = new int[raw.size()];
        double[] values = new double[raw.size()];
        int kept = 0;
        double sumSquares = 0;
        double[] firstScores = first.bias.clone();
        double[] secondScores = second == null ? null : second.bias.clone();
        for (Map.Entry<String, Double> entry : raw.entrySet()) {
            String key = entry.getKey();
            int d = dense(key);
            if (d >= 0) {
                double weight = d < WordVectors.DIMENSIONS ? vectorWeight : sentenceWeight;
                if (weight > 0) {
                    double value = entry.getValue() * weight;
                    first.addDense(firstScores, d, value);
                    if (second != null) {
                        second.addDense(secondScores, d, value);
                    }
                }
                continue;
            }
            Integer id = sparse.get(key);
            if (id != null) {
                double value = entry.getValue() * idf[id];
                ids[kept] = id;
                values[kept++] = value;
                sumSquares += value * value;
            }
        }
        // The sparse block is scaled to unit length, as in training, so long and short texts weigh alike.
        double norm = sumSquares > 0 ? Math.sqrt(sumSquares) : 1;
        for (int i = 0; i < kept; i++) {
            first.addSparse(firstScores, ids[i], values[i] / norm);
            if (second != null) {
                second.addSparse(secondScores, ids[i], values[i] / norm);
            }
        }
        double[][] p = first.output.probabilities(firstScores);
        if (second == null) {
            return p;
        }
        second.addStacked(secondScores, p[0], p[1]);
        return second.output.probabilities(secondScores);
    }

    /**
     * Position of a dense feature ({@code e:d} word-vector dimensions first, then {@code s:d}
     * sentence-embedding dimensions), or -1 for a sparse one; read from the key's characters, as the
     * featuriser's keys are built, so no string is made.
     */
    static int dense(String key) {
        if (key.length() < 3 || key.charAt(1) != ':') {
            return -1;
        }
        char block = key.charAt(0);
        if (block != Featuriser.VECTOR.charAt(0) && block != Featuriser.SENTENCE.charAt(0)) {
            return -1;
        }
        int d = 0;
        for (int i = 2; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            d = d * 10 + (c - '0');
        }
        if (block == Featuriser.VECTOR.charAt(0)) {
            return d < WordVectors.DIMENSIONS ? d : -1;
        }
        return d < SentenceVectors.DIMENSIONS ? WordVectors.DIMENSIONS + d : -1;
    }

    /**
     * One layer's weights under the shared feature numbers. It keeps no reference to the layer it
     * was copied from, so a model kept only for scoring lets the layer's classifiers go.
     */
    private static final class Table {

        private final LayerWeights.Output output;
        private final int columns;
        private final double[] bias;
        private final double[] sparseRows;
        private final double[] denseRows;
        /** The stacked layer's inputs: one row per first-layer label ({@code m:l}), then per sentiment class ({@code ms:s}). */
        private final double[] stackedRows;
        private final int stackedLabels;

        Table(LayerWeights weights, List<String> sparseOrder, int stackedLabels) {
            this.output = weights.output();
            this.columns = weights.columns();
            this.bias = weights.bias();
            this.sparseRows = rows(weights, sparseOrder);
            List<String> dense = new ArrayList<>();
            for (int d = 0; d < WordVectors.DIMENSIONS; d++) {
                dense.add(Featuriser.VECTOR + d);
            }
            for (int d = 0; d < SentenceVectors.DIMENSIONS; d++) {
                dense.add(Featuriser.SENTENCE + d);
            }
            this.denseRows = rows(weights, dense);
            this.stackedLabels = stackedLabels;
            List<String> stacked = new ArrayList<>();
            for (int l = 0; l < stackedLabels; l++) {
                stacked.add(Layer.LABEL_INPUT + l);
            }
            for (int s = 0; s < Layer.SENTIMENTS.size() && stackedLabels > 0; s++) {
                stacked.add(Layer.SENTIMENT_INPUT + s);
            }
            this.stackedRows = rows(weights, stacked);
        }

        private double[] rows(LayerWeights weights, List<String> features) {
            double[] rows = new double[features.size() * columns];
            for (int i = 0; i < features.size(); i++) {
                int row = weights.row(features.get(i));
                if (row >= 0) {
                    weights.copyRow(row, rows, i * columns);
                }
            }
            return rows;
        }

        void addSparse(double[] scores, int id, double value) {
            add(scores, sparseRows, id, value);
        }

        void addDense(double[] scores, int d, double value) {
            add(scores, denseRows, d, value);
        }

        /** What {@link Layer#stacked} adds: label probabilities above 0.01 and every sentiment probability. */
        void addStacked(double[] scores, double[] labelP, double[] sentimentP) {
            for (int l = 0; l < Math.min(labelP.length, stackedLabels); l++) {
                if (labelP[l] > Layer.STACKED_FLOOR) {
                    add(scores, stackedRows, l, labelP[l]);
                }
            }
            for (int s = 0; s < sentimentP.length; s++) {
                add(scores, stackedRows, stackedLabels + s, sentimentP[s]);
            }
        }

        private void add(double[] scores, double[] rows, int row, double value) {
            int base = row * columns;
            for (int c = 0; c < columns; c++) {
                scores[c] += rows[base + c] * value;
            }
        }
    }
}
