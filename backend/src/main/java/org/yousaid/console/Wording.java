package org.yousaid.console;

import java.util.List;
import java.util.Locale;
import org.yousaid.response.ResponseViews;

/**
 * The plain-English check as a commissioner reads it: a score in words, and each finding where it is.
 * The band is {@code level}: templates read records through OGNL, where {@code band} is an operator.
 */
record Wording(String score, String level, String tagClass, String counts, String easyRead, List<Finding> findings) {

    record Finding(String where, String what, String text, String suggestion) {
    }

    static Wording of(ResponseViews.Readability r) {
        ResponseViews.ReadabilityScore main = r.main();
        String counts = main.words() == 0 ? "Nothing written yet."
                : plural(main.words(), "word") + " in " + plural(main.sentences(), "sentence") + ", " + format(main.wordsPerSentence())
                + " words a sentence on average.";
        String easy = r.easyRead() == null ? "" : "Easy-read version: " + format(r.easyRead().score()) + " ("
                + bandName(r.easyRead().band()) + "), " + format(r.easyRead().wordsPerSentence()) + " words a sentence.";
        return new Wording(format(main.score()), bandName(main.band()), "plain".equals(main.band()) ? "govuk-tag--green"
                : "fairly_plain".equals(main.band()) ? "govuk-tag--yellow" : "govuk-tag--red", counts, easy,
                r.findings().stream().map(f -> new Finding(fieldName(f.field()), kindName(f.kind()), f.text(), f.suggestion())).toList());
    }

    private static String format(double n) {
        return String.format(Locale.UK, "%.0f", n);
    }

    static String bandName(String band) {
        return switch (band) {
            case "plain" -> "Plain English";
            case "fairly_plain" -> "Fairly plain";
            default -> "Hard to read";
        };
    }

    private static String kindName(String kind) {
        return switch (kind) {
            case "long_sentence" -> "Long sentence";
            case "passive_voice" -> "Passive voice";
            case "jargon" -> "Jargon";
            case "acronym_not_spelled_out" -> "Short form not spelled out";
            default -> kind.replace('_', ' ');
        };
    }

    private static String fieldName(String field) {
        if (field.startsWith("action:")) {
            return "Action " + field.substring("action:".length());
        }
        return switch (field) {
            case "title" -> "Title";
            case "summary" -> "What families said";
            case "weDid" -> "What we did";
            case "easyRead" -> "Easy-read version";
            default -> field;
        };
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
