package org.yousaid.tagging.engine;

/**
 * Knobs of training. {@code sigma} is the Gaussian prior of the label classifiers (smaller = stronger
 * regularisation) and {@code sentimentSigma} the sentiment classifier's; {@code folds} the number of
 * held-out folds used to tune per-label thresholds; {@code minFeatureCount} drops features seen in
 * fewer texts than that; {@code vectorWeight} weighs the mean word vector and {@code sentenceWeight}
 * the sentence embedding of {@code encoder} (0: none) against the unit-length sparse features;
 * {@code idf} weights sparse features by inverse document frequency; {@code stacked} adds the second
 * layer; {@code jointThresholds} tunes the frequent labels' thresholds together for micro- plus
 * macro-F1 instead of each label for its own F1; {@code weighRare} counts the examples of labels with
 * fewer than 30 several times; {@code averageLayers} takes a label's probability as the mean of the
 * first and the stacked layer's instead of the stacked layer's alone; {@code networkWeight} is the share of the {@link DenseNetwork}'s
 * probabilities in the blend with the linear layers' (0: no network), the network reading the
 * sentence embeddings of {@code networkEncoders} ({@code +}-separated).
 */
public record TrainingSettings(double sigma, double sentimentSigma, int folds, int minFeatureCount, double vectorWeight,
                               double sentenceWeight,
                               String encoder,
                               boolean idf,
                               boolean stacked,
                               boolean jointThresholds,
                               boolean weighRare,
                               boolean averageLayers,
                               double networkWeight,
                               String networkEncoders,
                               int threads) {

    static final String ENCODER_SEPARATOR = "+";

    /** The encoders the network reads, in order; none without a network. */
    public java.util.List<String> networkEncoderList() {
        if (networkWeight <= 0 || networkEncoders == null || networkEncoders.isBlank()) {
            return java.util.List.of();
        }
        return java.util.List.of(networkEncoders.split(java.util.regex.Pattern.quote(ENCODER_SEPARATOR)));
    }

    /** Every encoder the recipe runs on a text: the linear layers' (if any), then the network's. */
    public java.util.List<String> encoders() {
        java.util.List<String> all = new java.util.ArrayList<>();
        if (sentenceWeight > 0) {
            all.add(encoder);
        }
        all.addAll(networkEncoderList());
        return all;
    }

    /** The same recipe on another number of threads (threads change speed, never results). */
    public TrainingSettings withThreads(int n) {
        return new TrainingSettings(sigma, sentimentSigma, folds, minFeatureCount, vectorWeight, sentenceWeight, encoder,
                idf, stacked, jointThresholds, weighRare, averageLayers, networkWeight, networkEncoders, n);
    }

    public static TrainingSettings defaults() {
        return new TrainingSettings(10.0, 1.0, 4, 2, 0.5, 1.0, SentenceVectors.BGE_SMALL, true, true, true, true, true,
                0.35, String.join(ENCODER_SEPARATOR, SentenceVectors.BGE_SMALL, SentenceVectors.MINILM, SentenceVectors.E5_SMALL),
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }
}
