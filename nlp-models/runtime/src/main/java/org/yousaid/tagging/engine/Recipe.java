package org.yousaid.tagging.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The one training recipe: the shipped models, an area's retrained theme model and every figure the
 * lab reports are trained with it, so what is measured is what ships. {@code sigma} is the Gaussian
 * prior of the label classifiers and {@code sentimentSigma} the sentiment classifier's; {@code folds}
 * the held-out folds that train the stacked layer and tune the thresholds; {@code minFeatureCount}
 * drops features seen in fewer texts; {@code vectorWeight} and {@code sentenceWeight} weigh the mean
 * word vector and the sentence embedding of {@code encoder} against the unit-length sparse features.
 *
 * <p>Stacking, idf weighting, joint thresholds and the weighing of rare labels are always on: each
 * earned its place in a measured comparison (nlp-models/README.md). Options that did not (a network
 * over three encoders, the mean of both layers, the bge-small and e5-small encoders) are gone.
 * A manifest written by an older engine names more settings; they are read only to refuse a model
 * this engine would score wrongly ({@link ModelStore#load}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Recipe(double sigma, double sentimentSigma, int folds, int minFeatureCount, double vectorWeight,
                     double sentenceWeight, String encoder) {

    public static final Recipe SHIPPED = new Recipe(10.0, 1.0, 4, 2, 0.5, 1.0, SentenceVectors.MINILM);

    /** The same recipe with {@code k} held-out folds: fewer make the engine's own tests quicker. */
    public Recipe withFolds(int k) {
        return new Recipe(sigma, sentimentSigma, k, minFeatureCount, vectorWeight, sentenceWeight, encoder);
    }
}
