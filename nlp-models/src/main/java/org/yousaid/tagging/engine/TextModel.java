package org.yousaid.tagging.engine;

import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained model set: the vocabulary, a first layer of per-label and sentiment classifiers over text
 * features, an optional stacked second layer, an optional {@link DenseNetwork} whose probabilities are
 * blended with the layers', the per-label thresholds and the manifest. Immutable and thread-safe.
 */
public record TextModel(ModelManifest manifest, Vocabulary vocabulary, Layer first, Layer second, DenseNetwork network) {

    /** Both outputs of one text, so callers scoring themes and sentiment featurise once. */
    public record Scores(List<ThemeScore> themes, SentimentScore sentiment) {
    }

    public Scores score(Counter<String> rawFeatures) {
        Counter<String> features = vocabulary.restrict(rawFeatures);
        double[][] p = first.probabilities(features);
        double[] labelP = p[0];
        double[] sentimentP = p[1];
        if (second != null) {
            double[][] stackedP = second.probabilities(Layer.stacked(features, labelP, sentimentP));
            labelP = manifest.settings().averageLayers() ? Layer.average(labelP, stackedP[0]) : stackedP[0];
            sentimentP = stackedP[1];
        }
        if (network != null) {
            double[][] networkP = network.probabilities(Featuriser.networkInput(rawFeatures, network.inputs()));
            double w = manifest.settings().networkWeight();
            for (int l = 0; l < labelP.length; l++) {
                labelP[l] = blend(labelP[l], networkP[0][l], w);
            }
            for (int c = 0; c < sentimentP.length; c++) {
                sentimentP[c] = blend(sentimentP[c], networkP[1][c], w);
            }
        }
        List<ModelManifest.LabelEntry> entries = manifest.labels();
        double[] thresholds = entries.stream().mapToDouble(ModelManifest.LabelEntry::threshold).toArray();
        boolean[] given = Decision.give(labelP, thresholds, manifest.fallbackRatio());
        List<ThemeScore> themes = new ArrayList<>(entries.size());
        for (int l = 0; l < entries.size(); l++) {
            themes.add(new ThemeScore(entries.get(l).label(), labelP[l], given[l]));
        }
        SentimentScore sentiment = null;
        if (first.sentiment() != null) {
            int best = 0;
            for (int s = 1; s < sentimentP.length; s++) {
                if (sentimentP[s] > sentimentP[best]) {
                    best = s;
                }
            }
            sentiment = new SentimentScore(best + 1, sentimentP[best]);
        }
        return new Scores(themes, sentiment);
    }

    static double blend(double linear, double network, double w) {
        return (1 - w) * linear + w * network;
    }
}
