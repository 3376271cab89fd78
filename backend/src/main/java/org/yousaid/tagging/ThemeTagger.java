package org.yousaid.tagging;

/**
 * Tags one text. The production implementation runs Stanford CoreNLP and the trained models from
 * {@code nlp-models/}; other features' tests may replace it with a deterministic double.
 */
public interface ThemeTagger {

    /** Recorded with every result; a different version makes earlier results eligible for re-tagging. */
    String modelVersion();

    Tags tag(String text);

    /** Loads whatever is slow to load, so the first text is not slow; workers call it at start. */
    default void warmUp() {
    }
}
