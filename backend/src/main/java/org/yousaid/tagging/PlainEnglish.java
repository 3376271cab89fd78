package org.yousaid.tagging;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-English check a commissioner sees before publishing: a Flesch reading-ease score over
 * CoreNLP's words and sentences, and the sentences, passive verbs and SEND jargon that make a
 * response hard for families to read, each with what to write instead. Families told us letters from
 * services are full of acronyms; a response to them should not be.
 */
@Singleton
public final class PlainEnglish {

    /** Words per sentence past which a sentence is flagged; easy read is held to a shorter one. */
    public static final int LONG_SENTENCE = 25;
    public static final int LONG_EASY_READ_SENTENCE = 15;
    private static final Set<String> BE = Set.of("be", "is", "are", "was", "were", "been", "being", "am", "'re", "'s");
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

    /** A named piece of text: title, summary, weDid, easyRead or action:n. */
    public record Field(String name, String text) {
    }

    public record Score(double score, String band, int words, int sentences, double wordsPerSentence) {
    }

    public record Finding(String kind, String field, String text, String suggestion) {
    }

    public record Check(Score main, @Nullable Score easyRead, List<Finding> findings) {
    }

    private record Term(String term, boolean acronym, String plain, Pattern pattern) {
        // A shorthand ("LA") is matched as written like an acronym but replaced like jargon.
    }

    private final ThemeTagger tagger;
    private final List<Term> glossary;

    PlainEnglish(ThemeTagger tagger) {
        this.tagger = tagger;
        this.glossary = glossary();
    }

    /** Checks {@code main} (read in order, so an acronym spelled out earlier counts) and the easy-read version on its own. */
    public Check check(List<Field> main, @Nullable Field easyRead) {
        List<Finding> findings = new ArrayList<>();
        Counter counter = new Counter();
        Set<String> spelledOut = new HashSet<>();
        for (Field field : main) {
            read(field, LONG_SENTENCE, counter, findings, spelledOut);
        }
        Score easy = null;
        if (easyRead != null) {
            Counter easyCounter = new Counter();
            read(easyRead, LONG_EASY_READ_SENTENCE, easyCounter, findings, new HashSet<>());
            easy = easyCounter.score();
        }
        return new Check(counter.score(), easy, findings);
    }

    private void read(Field field, int longSentence, Counter counter, List<Finding> findings, Set<String> spelledOut) {
        List<List<ThemeTagger.Word>> sentences = tagger.sentences(field.text());
        for (List<ThemeTagger.Word> sentence : sentences) {
            List<ThemeTagger.Word> words = sentence.stream().filter(w -> w.text().chars().anyMatch(Character::isLetterOrDigit)).toList();
            if (words.isEmpty()) {
                continue;
            }
            counter.sentences++;
            counter.words += words.size();
            words.forEach(w -> counter.syllables += syllables(w.text()));
            String said = String.join(" ", sentence.stream().map(ThemeTagger.Word::text).toList());
            if (words.size() > longSentence) {
                findings.add(new Finding("long_sentence", field.name(), abbreviated(said), "This sentence has " + words.size()
                        + " words; try two sentences of under " + longSentence + "."));
            }
            passive(sentence).ifPresent(phrase -> findings.add(new Finding("passive_voice", field.name(), phrase,
                    "Say who does it (\"we …\", \"the council …\") rather than \"" + phrase + "\".")));
        }
        jargon(field, findings, spelledOut);
    }

    /** A form of "be" followed, perhaps after an adverb, by a past participle: "was reviewed", "are being delivered". */
    private static java.util.Optional<String> passive(List<ThemeTagger.Word> sentence) {
        for (int i = 0; i < sentence.size(); i++) {
            if (!BE.contains(sentence.get(i).text().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (int j = i + 1; j < Math.min(sentence.size(), i + 4); j++) {
                String pos = sentence.get(j).pos();
                if ("VBN".equals(pos)) {
                    List<String> phrase = sentence.subList(i, j + 1).stream().map(ThemeTagger.Word::text).toList();
                    return java.util.Optional.of(String.join(" ", phrase));
                }
                if (!pos.startsWith("RB") && !"VBG".equals(pos)) {
                    break;
                }
            }
        }
        return java.util.Optional.empty();
    }

    private void jargon(Field field, List<Finding> findings, Set<String> spelledOut) {
        String text = field.text();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Term term : glossary) {
            Matcher m = term.pattern().matcher(text);
            if (!m.find()) {
                continue;
            }
            if (term.acronym()) {
                int plainAt = lower.indexOf(term.plain().toLowerCase(Locale.ROOT));
                if (plainAt >= 0 && plainAt < m.start()) {
                    spelledOut.add(term.term());
                }
                if (spelledOut.add(term.term())) {
                    findings.add(new Finding("acronym_not_spelled_out", field.name(), term.term(),
                            "Write \"" + term.plain() + " (" + term.term() + ")\" the first time."));
                }
            } else {
                findings.add(new Finding("jargon", field.name(), m.group(), "Try \"" + term.plain() + "\"."));
            }
        }
    }

    /** Vowel groups, less a silent final e: good enough for a reading-ease score. */
    static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 1;
        }
        if (w.length() > 2 && w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee")) {
            w = w.substring(0, w.length() - 1);
        }
        Matcher m = VOWELS.matcher(w);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return Math.max(1, n);
    }

    private static String abbreviated(String text) {
        return text.length() <= 160 ? text : text.substring(0, 159) + "…";
    }

    private static final class Counter {
        int words;
        int sentences;
        int syllables;

        Score score() {
            if (words == 0) {
                return new Score(100, "plain", 0, 0, 0);
            }
            double perSentence = (double) words / sentences;
            double flesch = 206.835 - 1.015 * perSentence - 84.6 * ((double) syllables / words);
            double score = Math.round(Math.max(0, Math.min(100, flesch)) * 10) / 10.0;
            String band = score >= 60 ? "plain" : score >= 50 ? "fairly_plain" : "hard";
            return new Score(score, band, words, sentences, Math.round(perSentence * 10) / 10.0);
        }
    }

    private static List<Term> glossary() {
        List<Term> terms = new ArrayList<>();
        try (InputStream in = PlainEnglish.class.getResourceAsStream("/plain-english/send-glossary.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                boolean acronym = "acronym".equals(f[1]);
                boolean asWritten = acronym || "shorthand".equals(f[1]);
                // Acronyms match as written (a capitalised "Ot" is not occupational therapy); jargon in any case.
                Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(f[0]) + "(?![\\p{L}\\p{N}])",
                        asWritten ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                terms.add(new Term(f[0], acronym, f[2], p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(terms);
    }
}
