package org.yousaid.tagging.engine;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a model directory holds and where it came from: the taxonomy version it was trained for (null
 * for a data set without one), the SHA-256 of the training data, when, with which recipe, the
 * figures measured on held-out folds during training and, for the shipped theme model, figures on
 * real families' words ({@code realText}, cross-validated). The version string is what tagging
 * results record, so a new model can re-tag what an older one tagged. Manifests of older engines
 * called the recipe {@code settings}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(
        String version,
        String taxonomyVersion,
        String trainingDataSha256,
        int trainingRows,
        String trainedAt,
        @JsonAlias("settings") Recipe recipe,
        double fallbackRatio,
        List<LabelEntry> labels,
        boolean sentiment,
        Map<String, Double> heldOutMetrics,
        RealTextFigures realText) {

    /**
     * One label: its classifier file, threshold, positives, held-out F1 and the probability from
     * which, below its threshold, it is suggested ({@code suggestFrom}; absent in older manifests: never).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LabelEntry(String label, String file, double threshold, int positives, double heldOutF1,
                             Double suggestFrom) {

        double suggestionFloor() {
            return suggestFrom == null ? threshold : suggestFrom;
        }
    }

    /**
     * Figures on real families' words: every text of {@code source} scored by a model trained with the
     * recipe on the rest of the training data and the other folds of the real texts.
     */
    public record RealTextFigures(String source, int texts, int folds, double microF1, double macroF1,
                                  double sentimentAccuracy, List<LabelFigure> labels) {
    }

    public record LabelFigure(String label, int support, double precision, double recall, double f1) {
    }

    /** The same manifest with figures on real families' words. */
    public ModelManifest withRealText(RealTextFigures figures) {
        return new ModelManifest(version, taxonomyVersion, trainingDataSha256, trainingRows, trainedAt, recipe,
                fallbackRatio, labels, sentiment, heldOutMetrics, figures);
    }
}
