package org.yousaid.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import picocli.CommandLine;

/** A command run as an operator runs it, with what it printed; and the system properties a test sets, put back after. */
final class CommandRuns {

    record Run(int exit, String out, String err) {
    }

    private CommandRuns() {
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Registered in a test class: the named system properties put back as they were after each test. */
    static final class RestoredProperties implements BeforeEachCallback, AfterEachCallback {
        private final List<String> names;
        private final Map<String, String> saved = new HashMap<>();

        RestoredProperties(String... names) {
            this.names = List.of(names);
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            saved.clear();
            names.forEach(p -> saved.put(p, System.getProperty(p)));
        }

        @Override
        public void afterEach(ExtensionContext context) {
            saved.forEach((p, v) -> {
                if (v == null) {
                    System.clearProperty(p);
                } else {
                    System.setProperty(p, v);
                }
            });
        }
    }
}
