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

    /** Loads whatever is slow to load, so the first text is not slow; workers call it at start. */
    default void warmUp() {
    }
}
