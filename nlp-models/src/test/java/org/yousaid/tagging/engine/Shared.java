package org.yousaid.tagging.engine;

import java.nio.file.Path;

/** One CoreNLP pipeline per test JVM: loading it takes seconds and ~0.4 GB. */
final class Shared {

    static final TextAnalyser ANALYSER = new TextAnalyser();

    private Shared() {
    }

    static Path home() {
        return NlpHome.dir();
    }
}
