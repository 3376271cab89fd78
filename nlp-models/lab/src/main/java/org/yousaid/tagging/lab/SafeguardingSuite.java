package org.yousaid.tagging.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.yousaid.tagging.engine.SafeguardingCheck;

/** Scores a safeguarding check on {@code suites/safeguarding.tsv} (expected risk|none, text). */
public final class SafeguardingSuite {

    public record Case(boolean risk, String text) {
    }

    public record Figures(int positives, int negatives, int caught, int falseAlarms, List<String> missed,
                          List<String> alarms) {
        public double recall() {
            return positives == 0 ? 1 : (double) caught / positives;
        }

        public double precision() {
            return caught + falseAlarms == 0 ? 1 : (double) caught / (caught + falseAlarms);
        }
    }

    public static List<Case> read(Path file) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("expected\t")) {
                continue;
            }
            String[] cells = line.split("\t", 2);
            if (cells.length != 2 || !(cells[0].equals("risk") || cells[0].equals("none"))) {
                throw new IOException(file + ": bad line: " + line);
            }
            cases.add(new Case(cells[0].equals("risk"), cells[1]));
        }
        return cases;
    }

    public static Figures run(List<Case> cases, Function<String, SafeguardingCheck.Result> check) {
        int positives = 0;
        int negatives = 0;
        int caught = 0;
        int falseAlarms = 0;
        List<String> missed = new ArrayList<>();
        List<String> alarms = new ArrayList<>();
        for (Case c : cases) {
            SafeguardingCheck.Result result = check.apply(c.text());
            if (c.risk()) {
                positives++;
                if (result.flagged()) {
                    caught++;
                } else {
                    missed.add(c.text());
                }
            } else {
                negatives++;
                if (result.flagged()) {
                    falseAlarms++;
                    alarms.add(result.findings() + "  in: " + c.text());
                }
            }
        }
        return new Figures(positives, negatives, caught, falseAlarms, missed, alarms);
    }
}
