package org.yousaid.tagging.engine;

import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Retrains one area's theme model from the shipped training data plus the area's own corrections,
 * and measures the candidate against the model the area uses now on two things: the shipped SEND
 * test file (our own writing, never trained on) and the corrections held back from training (the
 * area's families' words, as its forum leads labelled them). Labels go through the area's taxonomy
 * first: a merged theme counts as the theme it went into and a retired one as nothing, for the data,
 * the gold answers and both models' predictions alike.
 */
public final class Retraining {

    /**
     * How much micro-F1 on the SEND test file the candidate may lose and still be "not worse": the
     * area's own held-back words must not get worse at all, but a point on text we wrote ourselves
     * is within what one more training example moves it by.
     */
    public static final double SEND_TEST_TOLERANCE = 0.01;

    /**
     * How many times each correction counts in training. A forum lead's correction is the area's own
     * families' words, checked by a person; among some 800 shipped texts written by us, counted once,
     * a dozen corrections barely move a label (a probe: an added theme with 16 corrections reached a
     * held-out F1 of 0.48). Copies share their text's held-out fold, so none scores itself.
     */
    public static final int CORRECTION_WEIGHT = 3;

    /** Micro- and macro-F1 of a model on some texts. */
    public record Figures(double microF1, double macroF1, int texts) {
    }

    /** The candidate and how both models did; {@code notWorse} decides whether the area switches. */
    public record Retrained(TextModel candidate, Figures sendTestBefore, Figures sendTestAfter, Figures heldBackBefore,
                          Figures heldBackAfter, boolean notWorse) {
    }

    /**
     * Themes tagging gives outside the model (an area's added themes, by similarity to their name and
     * description), so both models are measured as tagging would use them.
     */
    public interface ExtraThemes {
        Set<String> given(float[] embedding, Set<String> modelLabels);

        ExtraThemes NONE = (embedding, labels) -> Set.of();
    }

    /** The data of one retraining: everything already read, so training needs no database. */
    public record Data(List<LabelledText> shipped, List<LabelledText> sendTest, List<LabelledText> corrections,
                       List<LabelledText> heldBack, UnaryOperator<String> currentTheme, ExtraThemes extra) {
    }

    private Retraining() {
    }

    public static Retrained retrain(Tagger current, Data data, String version, int threads, Progress progress) {
        List<LabelledText> training = new ArrayList<>(relabelled(data.shipped(), data.currentTheme()));
        for (LabelledText correction : relabelled(data.corrections(), data.currentTheme())) {
            for (int copy = 0; copy < CORRECTION_WEIGHT; copy++) {
                training.add(correction);
            }
        }
        Trainer trainer = new Trainer(current.analyser(), Recipe.SHIPPED, threads, progress);
        TextModel candidate = trainer.train(training, version, current.themes().manifest().taxonomyVersion(), null);

        List<LabelledText> sendTest = relabelled(data.sendTest(), data.currentTheme());
        List<LabelledText> heldBack = relabelled(data.heldBack(), data.currentTheme());
        List<Scored> sendTestScored = scored(current, sendTest);
        List<Scored> heldBackScored = scored(current, heldBack);
        Figures sendBefore = figures(current.themes(), sendTest, sendTestScored, data);
        Figures sendAfter = figures(candidate, sendTest, sendTestScored, data);
        Figures heldBefore = figures(current.themes(), heldBack, heldBackScored, data);
        Figures heldAfter = figures(candidate, heldBack, heldBackScored, data);
        progress.say("SEND test micro-F1 %.3f -> %.3f; held-back corrections micro-F1 %.3f -> %.3f",
                sendBefore.microF1(), sendAfter.microF1(), heldBefore.microF1(), heldAfter.microF1());
        return new Retrained(candidate, sendBefore, sendAfter, heldBefore, heldAfter, notWorse(sendBefore, sendAfter,
                heldBefore, heldAfter));
    }

    /** The rule for switching: no loss on the area's held-back words, at most the tolerance on ours. */
    public static boolean notWorse(Figures sendBefore, Figures sendAfter, Figures heldBefore, Figures heldAfter) {
        return heldAfter.microF1() >= heldBefore.microF1() - 1e-9
                && sendAfter.microF1() >= sendBefore.microF1() - SEND_TEST_TOLERANCE - 1e-9;
    }

    private record Scored(Counter<String> features, float[] embedding) {
    }

    private static List<Scored> scored(Tagger tagger, List<LabelledText> rows) {
        return rows.parallelStream().map(r -> {
            Counter<String> features = tagger.features(r.text());
            return new Scored(features, tagger.embedding(r.text(), features));
        }).toList();
    }

    private static Figures figures(TextModel model, List<LabelledText> rows, List<Scored> scored, Data data) {
        Set<String> known = new LinkedHashSet<>();
        model.manifest().labels().forEach(l -> {
            String id = data.currentTheme().apply(l.label());
            if (id != null) {
                known.add(id);
            }
        });
        List<Set<String>> predicted = new ArrayList<>(rows.size());
        for (Scored s : scored) {
            Set<String> given = new LinkedHashSet<>();
            model.score(s.features()).themes().stream().filter(ThemeScore::given)
                    .map(t -> data.currentTheme().apply(t.label())).filter(id -> id != null).forEach(given::add);
            given.addAll(data.extra().given(s.embedding(), known));
            predicted.add(given);
        }
        Metrics m = Metrics.of(rows, predicted, null);
        return new Figures(m.microF1(), m.macroF1(), rows.size());
    }

    private static List<LabelledText> relabelled(List<LabelledText> rows, UnaryOperator<String> currentTheme) {
        return rows.stream().map(r -> {
            Set<String> labels = new LinkedHashSet<>();
            for (String label : r.labels()) {
                String id = currentTheme.apply(label);
                if (id != null) {
                    labels.add(id);
                }
            }
            return new LabelledText(r.id(), r.text(), labels, r.sentiment());
        }).toList();
    }
}
