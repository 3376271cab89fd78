package org.yousaid.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The named system properties as they were, to be put back once the test has changed them. */
    static final class SavedProperties {
        private final Map<String, String> saved = new HashMap<>();

        SavedProperties(List<String> names) {
            names.forEach(p -> saved.put(p, System.getProperty(p)));
        }

        void restore() {
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
