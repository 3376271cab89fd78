package org.yousaid.tagging.engine;

import java.util.List;
import java.util.Map;

/**
 * What a model directory holds and where it came from: the taxonomy version it was trained for (null
 * for a data set without one), the SHA-256 of the training file, when, with which settings, and the
 * figures measured on held-out folds during training. The version string is what tagging results
 * record, so a new model can re-tag what an older one tagged. The settings name the sentence encoder
 * the model was trained on: it is scored with that encoder's vectors and no other.
 */
public record ModelManifest(
        String version,
        String taxonomyVersion,
        String trainingDataSha256,
        int trainingRows,
        String trainedAt,
        TrainingSettings settings,
        double fallbackRatio,
        List<LabelEntry> labels,
        boolean sentiment,
        Map<String, Double> heldOutMetrics) {

    public record LabelEntry(String label, String file, double threshold, int positives, double heldOutF1) {
    }
}
