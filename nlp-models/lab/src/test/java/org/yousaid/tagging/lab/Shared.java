package org.yousaid.tagging.lab;

import java.nio.file.Path;
import org.yousaid.tagging.engine.TextAnalyser;

/** One CoreNLP pipeline per test JVM: loading it takes seconds and ~0.4 GB. */
final class Shared {

    static final TextAnalyser ANALYSER = new TextAnalyser();

    private Shared() {
    }

    static Path home() {
        return NlpHome.dir();
    }
}
