package org.yousaid.tagging.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Multi-label and sentiment figures, as scikit-learn defines them: micro-F1 pools every label
 * decision; macro-F1 averages per-label F1 over the labels present in the gold data; samples-F1
 * averages per-text F1; exact match counts texts whose label set is exactly right. Sentiment figures
 * use only texts that carry a gold sentiment.
 */
public record Metrics(List<LabelFigures> perLabel, double microF1, double macroF1, double samplesF1,
                      double exactMatch, double sentimentAccuracy, double sentimentMacroF1, int sentimentRows) {

    public record LabelFigures(String label, int support, double precision, double recall, double f1) {
    }

    public static Metrics of(List<LabelledText> rows, List<Set<String>> predicted,
                             List<Integer> predictedSentiment) {
        Set<String> present = new TreeSet<>();
        rows.forEach(r -> present.addAll(r.labels()));
        List<LabelFigures> perLabel = new ArrayList<>();
        long tpAll = 0;
        long fpAll = 0;
        long fnAll = 0;
        Set<String> every = new TreeSet<>(present);
        predicted.forEach(every::addAll);
        for (String label : every) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < rows.size(); i++) {
                boolean g = rows.get(i).labels().contains(label);
                boolean p = predicted.get(i).contains(label);
                tp += g && p ? 1 : 0;
                fp += !g && p ? 1 : 0;
                fn += g && !p ? 1 : 0;
            }
            tpAll += tp;
            fpAll += fp;
            fnAll += fn;
            if (present.contains(label)) {
                double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
                double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
                perLabel.add(new LabelFigures(label, tp + fn, precision, recall, f1(tp, fp, fn)));
            }
        }
        double macro = perLabel.stream().mapToDouble(LabelFigures::f1).average().orElse(0);
        double samples = 0;
        int exact = 0;
        for (int i = 0; i < rows.size(); i++) {
            Set<String> g = rows.get(i).labels();
            Set<String> p = predicted.get(i);
            if (g.isEmpty() && p.isEmpty()) {
                samples += 1;
            } else {
                long both = p.stream().filter(g::contains).count();
                samples += 2.0 * both / (g.size() + p.size());
            }
            exact += g.equals(p) ? 1 : 0;
        }
        int n = Math.max(1, rows.size());

        int sentimentRows = 0;
        int correct = 0;
        double sentimentMacro = 0;
        if (predictedSentiment != null) {
            int[][] confusion = new int[6][6];
            for (int i = 0; i < rows.size(); i++) {
                Integer g = rows.get(i).sentiment();
                Integer p = predictedSentiment.get(i);
                if (g != null) {
                    sentimentRows++;
                    int pv = p == null ? 0 : p;
                    confusion[g][pv]++;
                    correct += g == pv ? 1 : 0;
                }
            }
            int classes = 0;
            for (int c = 1; c <= 5; c++) {
                int tp = confusion[c][c];
                int fn = 0;
                int fp = 0;
                boolean seen = false;
                for (int o = 0; o <= 5; o++) {
                    if (o != c) {
                        fn += confusion[c][o];
                        fp += confusion[o][c];
                    }
                    seen |= confusion[c][o] > 0;
                }
                seen |= tp > 0;
                if (seen) {
                    classes++;
                    sentimentMacro += f1(tp, fp, fn);
                }
            }
            sentimentMacro = classes == 0 ? 0 : sentimentMacro / classes;
        }
        return new Metrics(perLabel, (double) f1(tpAll, fpAll, fnAll), macro, samples / n, (double) exact / n,
                sentimentRows == 0 ? 0 : (double) correct / sentimentRows, sentimentMacro, sentimentRows);
    }

    static double f1(long tp, long fp, long fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    static double f1(double[] p, boolean[] gold, double threshold) {
        long[] c = confusion(p, gold, threshold);
        return f1(c[0], c[1], c[2]);
    }

    /** True positives, false positives and false negatives of the decision {@code p >= threshold}. */
    static long[] confusion(double[] p, boolean[] gold, double threshold) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < p.length; i++) {
            boolean predicted = p[i] >= threshold;
            tp += predicted && gold[i] ? 1 : 0;
            fp += predicted && !gold[i] ? 1 : 0;
            fn += !predicted && gold[i] ? 1 : 0;
        }
        return new long[] {tp, fp, fn};
    }

    /** The line {@code nlp evaluate} ends with; CI and people read it, so its shape never changes. */
    public String summaryLine() {
        return String.format(java.util.Locale.ROOT, "micro-F1 %.3f macro-F1 %.3f samples-F1 %.3f exact %.3f sentiment-acc %.3f",
                microF1, macroF1, samplesF1, exactMatch, sentimentAccuracy);
    }
}
