package org.yousaid.tagging.engine;

import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained model set: the vocabulary, a first layer of per-label and sentiment classifiers over text
 * features, the stacked second layer, the per-label thresholds and suggestion floors, and the
 * manifest. Immutable and thread-safe; its {@link ScoringTables} are laid out once, when it is made.
 */
public final class TextModel {

    private final ModelManifest manifest;
    /** The vocabulary and both layers' classifiers: null in a model kept only for scoring. */
    private final Vocabulary vocabulary;
    private final Layer first;
    private final Layer second;
    private final ScoringTables tables;
    private final boolean scoresSentiment;

    public TextModel(ModelManifest manifest, Vocabulary vocabulary, Layer first, Layer second) {
        this.manifest = manifest;
        this.vocabulary = vocabulary;
        this.first = first;
        this.second = second;
        this.tables = new ScoringTables(vocabulary, first, second);
        this.scoresSentiment = first.sentiment() != null;
    }

    private TextModel(ModelManifest manifest, ScoringTables tables, boolean scoresSentiment) {
        this.manifest = manifest;
        this.vocabulary = null;
        this.first = null;
        this.second = null;
        this.tables = tables;
        this.scoresSentiment = scoresSentiment;
    }

    /**
     * The same model, scoring the same, holding only its scoring tables: the classifiers it was
     * built from (each with its own copy of every feature name) are four fifths of a loaded model's
     * heap, and a tagging worker holds one model per area. Such a model cannot be saved.
     */
    public TextModel forScoringOnly() {
        return first == null ? this : new TextModel(manifest, tables, scoresSentiment);
    }

    /** Whether this model still has what {@link ModelStore#save} writes. */
    public boolean savable() {
        return first != null;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    Layer first() {
        return first;
    }

    Layer second() {
        return second;
    }

    /** Both outputs of one text, so callers scoring themes and sentiment featurise once. */
    public record Scores(List<ThemeScore> themes, SentimentScore sentiment) {
    }

    public Scores score(Counter<String> rawFeatures) {
        double[][] p = tables.probabilities(rawFeatures);
        double[] labelP = p[0];
        double[] sentimentP = p[1];
        List<ModelManifest.LabelEntry> entries = manifest.labels();
        double[] thresholds = entries.stream().mapToDouble(ModelManifest.LabelEntry::threshold).toArray();
        boolean[] given = Decision.give(labelP, thresholds, manifest.fallbackRatio());
        List<ThemeScore> themes = new ArrayList<>(entries.size());
        for (int l = 0; l < entries.size(); l++) {
            boolean suggested = !given[l] && labelP[l] >= entries.get(l).suggestionFloor();
            themes.add(new ThemeScore(entries.get(l).label(), labelP[l], given[l], suggested));
        }
        SentimentScore sentiment = null;
        if (scoresSentiment) {
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
}
