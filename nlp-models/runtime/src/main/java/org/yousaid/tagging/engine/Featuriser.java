package org.yousaid.tagging.engine;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an analysed text into the sparse features every label model and the sentiment model share.
 * Word and lemma unigrams and lemma bigrams carry meaning; a negation scope ("not listened to",
 * "no one calls back") flips the sense of what follows so it gets its own features; character
 * n-grams inside words survive the typos and spelling variants of comments typed on phones
 * ("reffered", "appointmant"); very short answers ("Nothing.", "N/A") are common and have a whole-text
 * feature. Values are binary (character n-grams weigh half); {@link Vocabulary} scales them to unit length
 * so long and short comments weigh alike.
 */
public final class Featuriser {

    /** Prefix of the dense word-vector features; {@link Vocabulary} scales them as a block. */
    static final String VECTOR = "e:";
    private static final String[] VECTOR_KEYS = java.util.stream.IntStream.range(0, WordVectors.DIMENSIONS)
            .mapToObj(d -> VECTOR + d).toArray(String[]::new);

    /** Prefix of the dense sentence-embedding features; {@link Vocabulary} scales them as a block. */
    static final String SENTENCE = "s:";
    private static final String[] SENTENCE_KEYS = java.util.stream.IntStream.range(0, SentenceVectors.DIMENSIONS)
            .mapToObj(d -> SENTENCE + d).toArray(String[]::new);

    private final WordVectors vectors = WordVectors.shared();
    private final SentenceVectors encoder = SentenceVectors.minilm();

    /** Features as the one recipe (and so every model it trained) expects them. */
    public Featuriser() {
    }

    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "n't", "nothing", "nobody",
            "none", "cannot", "without", "neither", "nor", "hardly", "nt");
    private static final Set<String> SCOPE_ENDS = Set.of(".", ",", ";", ":", "!", "?", "but", "however",
            "although", "though", "-lrb-", "-rrb-");

    /** The text's sentence embedding as the features already hold it (no second run of the encoder). */
    float[] embedding(Counter<String> features) {
        float[] v = new float[SentenceVectors.DIMENSIONS];
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) features.getCount(SENTENCE_KEYS[d]);
        }
        return v;
    }

    public Counter<String> features(Analysis analysis) {
        ClassicCounter<String> f = new ClassicCounter<>();
        String previousLemma = "<s>";
        String beforePreviousLemma = "<s>";
        boolean negated = false;
        int words = 0;
        int lastSentence = 0;
        StringBuilder whole = new StringBuilder();
        double[] meanVector = new double[WordVectors.DIMENSIONS];
        int vectorWords = 0;
        for (Token token : analysis.tokens()) {
            if (token.sentence() != lastSentence) {
                previousLemma = "<s>";
                beforePreviousLemma = "<s>";
                negated = false;
                lastSentence = token.sentence();
            }
            String word = normalise(token.lower());
            String lemma = normalise(token.lemma() == null ? word : token.lemma().toLowerCase(Locale.ROOT));
            if (SCOPE_ENDS.contains(word)) {
                negated = false;
            }
            boolean alphabetic = word.chars().anyMatch(Character::isLetter);
            if (alphabetic || word.equals("<num>") || word.equals("!") || word.equals("?")) {
                words++;
                f.setCount("w:" + (negated ? "NOT_" : "") + word, 1.0);
                f.setCount("l:" + lemma, 1.0);
                f.setCount("b:" + previousLemma + "_" + lemma, 1.0);
                f.setCount("t:" + beforePreviousLemma + "_" + previousLemma + "_" + lemma, 1.0);
                if (alphabetic && word.length() > 2) {
                    characterGrams(f, word);
                }
                if (alphabetic && (vectors.addTo(word, meanVector) || vectors.addTo(lemma, meanVector))) {
                    vectorWords++;
                }
                beforePreviousLemma = previousLemma;
                previousLemma = lemma;
                if (whole.length() < 60) {
                    whole.append(lemma).append(' ');
                }
            }
            if (NEGATORS.contains(word)) {
                negated = true;
            }
        }
        if (words <= 4) {
            f.setCount("short:" + whole.toString().strip(), 1.0);
        }
        f.setCount("len:" + lengthBucket(words), 1.0);
        if (vectorWords > 0) {
            double norm = 0;
            for (double v : meanVector) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int d = 0; d < meanVector.length && norm > 0; d++) {
                f.setCount(VECTOR_KEYS[d], meanVector[d] / norm);
            }
        }
        float[] sentence = encoder.embed(analysis.text());
        for (int d = 0; d < sentence.length; d++) {
            if (sentence[d] != 0) {
                f.setCount(SENTENCE_KEYS[d], sentence[d]);
            }
        }
        return f;
    }

    private static void characterGrams(ClassicCounter<String> f, String word) {
        String padded = "<" + word + ">";
        for (int n = 3; n <= 5; n++) {
            for (int i = 0; i + n <= padded.length(); i++) {
                f.setCount("c:" + padded.substring(i, i + n), 0.5);
            }
        }
    }

    private static String normalise(String word) {
        if (word.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',' || c == ':')
                && word.chars().anyMatch(Character::isDigit)) {
            return "<num>";
        }
        return word;
    }

    private static String lengthBucket(int words) {
        if (words <= 2) {
            return "1-2";
        }
        if (words <= 5) {
            return "3-5";
        }
        if (words <= 12) {
            return "6-12";
        }
        if (words <= 30) {
            return "13-30";
        }
        return "31+";
    }
}
