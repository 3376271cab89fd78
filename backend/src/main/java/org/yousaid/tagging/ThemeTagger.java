package org.yousaid.tagging;

/**
 * Tags one text. The production implementation runs Stanford CoreNLP and the trained models from
 * {@code nlp-models/}; other features' tests may replace it with a deterministic double.
 */
public interface ThemeTagger {

    /** Recorded with every result; a different version makes earlier results eligible for re-tagging. */
    String modelVersion();

    Tags tag(String text);

    /** The tags with the text's sentence embedding, in one pass where the tagger can. */
    default Tagged analyse(String text) {
        return new Tagged(tag(text), embed(text).orElse(null));
    }

    /** The shipped taxonomy, in its order (what an area's themes start from). */
    default java.util.List<ShippedTheme> taxonomy() {
        return java.util.List.of();
    }

    /** The unit-length sentence embedding of a text, where the tagger has one. */
    default java.util.Optional<float[]> embed(String text) {
        return java.util.Optional.empty();
    }

    /** A word of a sentence with its Penn Treebank part of speech ("" where the tagger has none). */
    record Word(String text, String pos) {
    }

    /**
     * The text's sentences and words. The production tagger uses CoreNLP's tokens, sentences and parts
     * of speech; this fallback splits on full stops and spaces and knows no parts of speech.
     */
    default java.util.List<java.util.List<Word>> sentences(String text) {
        return java.util.Arrays.stream(text.split("(?<=[.!?])\\s+")).filter(s -> !s.isBlank())
                .map(s -> java.util.Arrays.stream(s.split("\\s+|(?=[.,;:!?])")).filter(w -> !w.isBlank())
                        .map(w -> new Word(w, "")).toList())
                .toList();
    }

    /** Loads whatever is slow to load, so the first text is not slow; workers call it at start. */
    default void warmUp() {
    }

    /** An area's retrained theme model: read from the database by the servers that tag for the area, once. */
    record AreaModel(String areaId, int number, String version, java.util.Set<String> themes,
                     java.util.function.Supplier<byte[]> packed) {
    }

    /** The tags of a text in an area whose forum leads retrained its theme model (null: the shipped one). */
    default Tagged analyse(String text, @io.micronaut.core.annotation.Nullable AreaModel areaModel) {
        return analyse(text);
    }

    /** The version results record when tagged with {@code areaThemesVersion} (null: the shipped models). */
    default String modelVersion(@io.micronaut.core.annotation.Nullable String areaThemesVersion) {
        return modelVersion();
    }

    /** A text and the themes a forum lead gave it. */
    record Example(String text, java.util.List<String> themes) {
    }

    /** Everything a retraining needs, read beforehand, so training holds no transaction. */
    record RetrainInput(String version, @io.micronaut.core.annotation.Nullable AreaModel current,
                        java.util.List<Example> corrections, java.util.List<Example> heldBack,
                        java.util.function.UnaryOperator<String> currentTheme,
                        java.util.List<AreaThemes.AddedTheme> added) {
    }

    /** A trained candidate, packed, with both models' figures and whether it is not worse. */
    record Retrained(byte[] packed, java.util.Set<String> themes, ModelTraining.TrainingFigures figures,
                     boolean notWorse) {
    }

    /** Trains a candidate theme model for an area; a tagger that cannot learn says so. */
    default Retrained retrain(RetrainInput input) {
        throw new UnsupportedOperationException("this tagger does not learn from corrections");
    }

    /**
     * What forum leads see of a theme model: its version, training and held-out figures, figures on
     * real families' words (the shipped model's, cross-validated; null for an area's) and each theme's.
     */
    record ModelSummary(String themesVersion, java.time.Instant trainedAt, int trainingTexts,
                        ModelTraining.Figures heldOut, @io.micronaut.core.annotation.Nullable RealText realText,
                        java.util.List<ThemeFigure> themes) {
        @io.micronaut.serde.annotation.Serdeable
        public record RealText(String source, int texts, int folds, double microF1, double macroF1,
                               double sentimentAccuracy) {
        }

        @io.micronaut.serde.annotation.Serdeable
        public record RealTextTheme(int texts, double precision, double recall, double f1) {
        }

        @io.micronaut.serde.annotation.Serdeable
        public record ThemeFigure(String theme, int examples, double heldOutF1,
                                  @io.micronaut.core.annotation.Nullable RealTextTheme realText) {
        }
    }

    /** The summary of the shipped theme model, or of an area's. */
    ModelSummary summary(@io.micronaut.core.annotation.Nullable AreaModel areaModel);
}
