package org.yousaid.tagging.engine;

import java.nio.file.Path;

/** One CoreNLP pipeline per test JVM: loading it takes seconds and ~0.4 GB. */
final class Shared {

    static final TextAnalyser ANALYSER = new TextAnalyser();

    private Shared() {
    }

    /** nlp-models/, where the taxonomy, data, suites and models are (set by the build). */
    static Path home() {
        return Path.of(System.getProperty("yousaid.nlp.home", ".."));
    }
}
