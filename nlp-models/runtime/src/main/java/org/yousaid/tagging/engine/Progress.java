package org.yousaid.tagging.engine;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** Progress lines for long work (training, evaluation), written to stderr so stdout stays data. */
public final class Progress {

    private final PrintStream out;
    private final Instant started = Instant.now();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public static Progress silent() {
        return new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    public synchronized void say(String format, Object... args) {
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        out.printf("[%3ds] %s%n", seconds, String.format(format, args));
        out.flush();
    }
}
