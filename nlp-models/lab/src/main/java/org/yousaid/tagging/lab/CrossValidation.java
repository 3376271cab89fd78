package org.yousaid.tagging.lab;

import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.yousaid.tagging.engine.LabelledText;
import org.yousaid.tagging.engine.Metrics;
import org.yousaid.tagging.engine.Progress;
import org.yousaid.tagging.engine.SentimentScore;
import org.yousaid.tagging.engine.TextModel;
import org.yousaid.tagging.engine.ThemeScore;
import org.yousaid.tagging.engine.Trainer;

/**
 * K-fold cross-validation of the whole training recipe (threshold tuning included) on one labelled
 * file: each fold is scored by a model trained without it. Texts are analysed once.
 */
public final class CrossValidation {

    private final Trainer trainer;
    private final Progress progress;

    public CrossValidation(Trainer trainer, Progress progress) {
        this.trainer = trainer;
        this.progress = progress;
    }

    public Metrics run(List<LabelledText> rows, int folds) {
        return run(rows, List.of(), folds);
    }

    /**
     * Cross-validates on {@code rows} while every model also learns from {@code alongside} (never
     * scored): real families' words scored with our own written text always in training, or the
     * other way round, so each is reported on its own.
     */
    public Metrics run(List<LabelledText> rows, List<LabelledText> alongside, int folds) {
        List<Counter<String>> raw = trainer.featurise(rows);
        List<Counter<String>> alongsideRaw = alongside.isEmpty() ? List.of() : trainer.featurise(alongside);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(2026));
        List<Set<String>> predicted = new ArrayList<>(Collections.nCopies(rows.size(), null));
        List<Integer> sentiment = new ArrayList<>(Collections.nCopies(rows.size(), null));
        for (int k = 0; k < folds; k++) {
            List<LabelledText> trainRows = new ArrayList<>(alongside);
            List<Counter<String>> trainRaw = new ArrayList<>(alongsideRaw);
            List<Integer> test = new ArrayList<>();
            for (int j = 0; j < order.size(); j++) {
                int i = order.get(j);
                if (j % folds == k) {
                    test.add(i);
                } else {
                    trainRows.add(rows.get(i));
                    trainRaw.add(raw.get(i));
                }
            }
            TextModel model = trainer.train(trainRows, trainRaw, "cv-" + k, null, "");
            for (int i : test) {
                TextModel.Scores scores = model.score(raw.get(i));
                predicted.set(i, Set.copyOf(scores.themes().stream()
                        .filter(ThemeScore::given).map(ThemeScore::label).toList()));
                SentimentScore s = scores.sentiment();
                sentiment.set(i, s == null ? null : s.value());
            }
            List<LabelledText> testRows = test.stream().map(rows::get).toList();
            Metrics m = Metrics.of(testRows, test.stream().map(predicted::get).toList(),
                    test.stream().map(sentiment::get).toList());
            progress.say("fold %d/%d: %s", k + 1, folds, m.summaryLine());
        }
        return Metrics.of(rows, predicted, sentiment);
    }
}
