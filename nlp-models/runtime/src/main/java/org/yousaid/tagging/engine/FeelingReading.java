package org.yousaid.tagging.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the words overrule the model about feeling. The model reads a service families often
 * praise as praise ("SENDIASS took a month to call back" came out a positive experience), and warm
 * words as good news. So, on 1 (very positive) to 5 (very negative):
 * <ul>
 * <li>a complaint with no praise in it is never positive, and never a positive experience;</li>
 * <li>a text describing a child's distress is never positive (at most neutral: "since the move
 *     his anxiety has eased" is good news, and says so in other words).</li>
 * </ul>
 * A text with a safeguarding flag is read by {@link RiskReading}. Cues are words and lemmas,
 * checked for a negation just before them ("not helpful" is no praise, "no longer anxious" no
 * distress); praise is read broadly and complaint narrowly, so a doubt leaves the model's reading.
 */
final class FeelingReading {

    static final int NEUTRAL = 3;
    static final int NEGATIVE = 4;

    private static final Set<String> PRAISE = Set.of("thank", "thanks", "thankful", "grateful", "brilliant", "amazing",
            "fantastic", "excellent", "exceptional", "wonderful", "great", "helpful", "supportive", "kind", "caring", "lovely",
            "superb", "outstanding", "love", "praise", "happy", "pleased", "impressed", "incredible", "good", "best", "better",
            "improve", "improvement", "lifeline", "godsend", "perfect", "perfectly", "patient", "friendly", "welcoming", "listen",
            "help", "difference", "easier", "easy", "safer", "freedom", "proud", "work", "calmer", "calm", "success", "successful",
            "thrive", "thriving", "enjoy", "fab", "relieved", "reassured", "glad", "delighted", "quick", "quickly", "quicker",
            "clearer", "clear", "trust", "understand", "shorter", "sooner", "faster", "fair", "recommend", "star", "hero", "angel",
            "gem", "smoothly", "accurate", "belong");
    private static final Set<String> COMPLAINT = Set.of("still", "nobody", "never", "late", "cancel", "cancelled", "canceled",
            "refuse", "ignore", "overwhelming", "overwhelmed", "chase", "chasing", "fight", "fighting", "battle", "struggle",
            "struggling", "worse", "fail", "failed", "delay", "delayed", "wait", "waited", "waiting", "lose", "lost", "rude",
            "dismissive", "dismiss");
    /** "Without telling us", "without any support": a complaint; "without jargon", "without fuss": not. */
    private static final Set<String> WITHOUT_WHAT = Set.of("telling", "asking", "warning", "notice", "consulting", "consultation",
            "explanation", "reason", "support", "help", "us", "any", "a", "an", "our", "letting", "checking", "involving");
    private static final Set<String> TIME = Set.of("month", "months", "week", "weeks", "year", "years", "ages");
    private static final Set<String> NEGATION = Set.of("not", "no", "never", "neither", "nor", "n't", "without", "hardly", "longer");
    private static final Set<String> CHILD = Set.of("son", "daughter", "child", "children", "boy", "girl", "he", "she", "him",
            "her", "his", "kid", "kids", "baby", "toddler", "teenager", "grandson", "granddaughter");
    private static final Set<String> DISTRESS = Set.of("meltdown", "distress", "distressed", "distressing", "cry", "sob", "scream",
            "panic", "terrified", "terrify", "frightened", "frighten", "scared", "self-harm", "suicidal", "suicide", "traumatised",
            "traumatized", "trauma", "traumatic", "breakdown", "upset", "anxious", "anxiety", "hopeless", "miserable", "desperate",
            "petrified");
    /** Distress that has passed: "his anxiety has eased", "the meltdowns have stopped". */
    private static final Set<String> EASED = Set.of("ease", "eased", "gone", "less", "lessen", "reduce", "reduced", "improve",
            "improved", "better", "settle", "settled", "stop", "stopped", "disappear", "disappeared");
    /** The writer's own feeling: "it made me cry" is not the child's distress. */
    private static final Set<String> WRITER = Set.of("me", "i", "us", "we", "myself");

    private FeelingReading() {
    }

    static TextModel.Scores apply(TextModel.Scores scores, Analysis analysis) {
        boolean praise = praise(analysis.tokens());
        boolean complaint = !praise && complaint(analysis.tokens());
        SentimentScore sentiment = scores.sentiment();
        List<ThemeScore> themes = scores.themes();
        boolean positiveGiven = themes.stream().anyMatch(t -> t.label().equals(RiskReading.POSITIVE) && t.given());
        if (complaint && positiveGiven) {
            themes = new ArrayList<>(themes.size());
            for (ThemeScore t : scores.themes()) {
                boolean positive = t.label().equals(RiskReading.POSITIVE) && t.given();
                // Still offered to the forum lead as a suggestion: they may read praise we did not.
                themes.add(positive ? new ThemeScore(t.label(), t.probability(), false, true) : t);
            }
        }
        if (complaint) {
            if (sentiment != null && sentiment.value() < NEUTRAL) {
                sentiment = new SentimentScore(NEGATIVE, sentiment.probability());
            }
        } else if (sentiment != null && sentiment.value() < NEUTRAL && childInDistress(analysis)) {
            sentiment = new SentimentScore(NEUTRAL, sentiment.probability());
        }
        return sentiment == scores.sentiment() && themes == scores.themes() ? scores : new TextModel.Scores(themes, sentiment);
    }

    static boolean praise(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if ((PRAISE.contains(word(tokens.get(i))) || PRAISE.contains(lemma(tokens.get(i)))) && !negated(tokens, i)) {
                return true;
            }
        }
        return false;
    }

    static boolean complaint(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String w = word(tokens.get(i));
            String lemma = lemma(tokens.get(i));
            boolean neverForget = w.equals("never") && following(tokens, i, 1).contains("forget");
            if ((COMPLAINT.contains(w) || COMPLAINT.contains(lemma)) && !neverForget) {
                return true;
            }
            if (w.equals("without") && i + 1 < tokens.size() && WITHOUT_WHAT.contains(word(tokens.get(i + 1)))) {
                return true;
            }
            if (w.equals("took") && following(tokens, i, 3).stream().anyMatch(TIME::contains)) {
                return true;
            }
            if (w.equals("one") && i > 0 && word(tokens.get(i - 1)).equals("no")) {
                return true;
            }
        }
        return false;
    }

    static boolean childInDistress(Analysis analysis) {
        for (Analysis sentence : analysis.sentences()) {
            List<Token> tokens = sentence.tokens();
            if (tokens.stream().noneMatch(t -> CHILD.contains(word(t)))) {
                continue;
            }
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (!(DISTRESS.contains(word(t)) || DISTRESS.contains(lemma(t))) || negated(tokens, i)) {
                    continue;
                }
                boolean writers = preceding(tokens, i, 2).stream().anyMatch(WRITER::contains);
                boolean eased = following(tokens, i, 4).stream().anyMatch(EASED::contains);
                if (!writers && !eased) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean negated(List<Token> tokens, int i) {
        return preceding(tokens, i, 3).stream().anyMatch(NEGATION::contains);
    }

    private static List<String> preceding(List<Token> tokens, int i, int n) {
        List<String> words = new ArrayList<>();
        for (int k = Math.max(0, i - n); k < i; k++) {
            words.add(word(tokens.get(k)));
        }
        return words;
    }

    private static List<String> following(List<Token> tokens, int i, int n) {
        List<String> words = new ArrayList<>();
        for (int k = i + 1; k < Math.min(tokens.size(), i + 1 + n); k++) {
            words.add(word(tokens.get(k)));
            words.add(lemma(tokens.get(k)));
        }
        return words;
    }

    private static String word(Token t) {
        return t.word().toLowerCase(Locale.ROOT);
    }

    private static String lemma(Token t) {
        return t.lemma() == null ? "" : t.lemma().toLowerCase(Locale.ROOT);
    }
}
