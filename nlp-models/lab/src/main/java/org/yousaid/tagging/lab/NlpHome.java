package org.yousaid.tagging.lab;

import java.nio.file.Files;
import java.nio.file.Path;


/**
 * Where {@code nlp-models/} is: the system property {@code yousaid.nlp.home}, else the first of
 * {@code ./nlp-models} or {@code .} that holds the taxonomy. The shipped SEND model lives in
 * {@code models/send} below it.
 */
public final class NlpHome {

    private NlpHome() {
    }

    public static Path dir() {
        String configured = System.getProperty("yousaid.nlp.home");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path candidate : new Path[] {Path.of("nlp-models"), Path.of(".")}) {
            if (Files.isDirectory(candidate.resolve("taxonomy"))) {
                return candidate;
            }
        }
        return Path.of("nlp-models");
    }

    /** The shipped models: {@code send/} and {@code safeguarding/}. */
    public static Path models() {
        return dir().resolve("models");
    }
}
