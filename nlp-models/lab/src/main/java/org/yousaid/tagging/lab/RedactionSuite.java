package org.yousaid.tagging.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yousaid.tagging.engine.RedactionSpan;
import org.yousaid.tagging.engine.Redactor;
import org.yousaid.tagging.engine.TextAnalyser;

/**
 * Scores the redactor on the marked-up suite in {@code suites/redaction.txt}. An expected span counts
 * as found when proposed spans cover every letter and digit of it (of any kind: a hidden name is
 * hidden whatever it was called); a proposed span is correct when it overlaps an expected one.
 */
public final class RedactionSuite {

    private static final Pattern MARK = Pattern.compile("\\[\\[([A-Z_]+)\\|([^]]+)]]");

    public record Case(String text, List<RedactionSpan> expected) {
    }

    public record Miss(String text, String expected) {
    }

    public record Figures(int cases, int expected, int found, int proposed, int correct, int kindRight,
                          List<Miss> misses, List<Miss> falseAlarms) {
        public double recall() {
            return expected == 0 ? 1 : (double) found / expected;
        }

        public double precision() {
            return proposed == 0 ? 1 : (double) correct / proposed;
        }
    }

    public static List<Case> read(Path file) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            List<RedactionSpan> expected = new ArrayList<>();
            Matcher m = MARK.matcher(line);
            int last = 0;
            while (m.find()) {
                text.append(line, last, m.start());
                int begin = text.length();
                text.append(m.group(2));
                expected.add(new RedactionSpan(begin, text.length(), RedactionSpan.Kind.valueOf(m.group(1))));
                last = m.end();
            }
            text.append(line.substring(last));
            cases.add(new Case(text.toString(), expected));
        }
        return cases;
    }

    public static Figures run(List<Case> cases, TextAnalyser analyser, Redactor redactor) {
        int expected = 0;
        int found = 0;
        int proposed = 0;
        int correct = 0;
        int kindRight = 0;
        List<Miss> misses = new ArrayList<>();
        List<Miss> falseAlarms = new ArrayList<>();
        for (Case c : cases) {
            List<RedactionSpan> spans = redactor.spans(analyser.analyse(c.text()));
            for (RedactionSpan e : c.expected()) {
                expected++;
                if (covered(c.text(), e, spans)) {
                    found++;
                    kindRight += spans.stream().anyMatch(s -> s.overlaps(e) && s.kind() == e.kind()) ? 1 : 0;
                } else {
                    misses.add(new Miss(c.text(), e.kind() + ":" + c.text().substring(e.begin(), e.end())));
                }
            }
            for (RedactionSpan s : spans) {
                proposed++;
                if (c.expected().stream().anyMatch(s::overlaps)) {
                    correct++;
                } else {
                    falseAlarms.add(new Miss(c.text(), s.kind() + ":" + c.text().substring(s.begin(), s.end())));
                }
            }
        }
        return new Figures(cases.size(), expected, found, proposed, correct, kindRight, misses, falseAlarms);
    }

    private static boolean covered(String text, RedactionSpan expected, List<RedactionSpan> spans) {
        for (int i = expected.begin(); i < expected.end(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                int at = i;
                if (spans.stream().noneMatch(s -> s.begin() <= at && at < s.end())) {
                    return false;
                }
            }
        }
        return true;
    }
}
