package org.yousaid.tagging.engine;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Trains a {@link TextModel} from labelled texts with any label set, by the one {@link Recipe}. Every
 * text is scored by classifiers that never saw it (held-out folds); those scores train the stacked
 * layer and tune each label's threshold, suggestion floor and the fallback rule; the final classifiers
 * are then trained on everything. Threads change speed, never results.
 */
public final class Trainer {

    private final TextAnalyser analyser;
    private final Featuriser featuriser;
    private final Recipe recipe;
    private final int threads;
    private final Progress progress;

    public Trainer(TextAnalyser analyser, Recipe recipe, int threads, Progress progress) {
        this.analyser = analyser;
        this.recipe = recipe;
        this.threads = Math.max(1, threads);
        this.progress = progress;
        this.featuriser = new Featuriser();
    }

    /** Up to four threads, as many as this machine has cores. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Raw (unscaled) features of each text, computed on {@code threads} threads. */
    public List<Counter<String>> featurise(List<LabelledText> rows) {
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(500, rows.size() / 10);
        return inPool(() -> IntStream.range(0, rows.size()).parallel().mapToObj(i -> {
            Counter<String> f = featuriser.features(analyser.analyse(rows.get(i).text()));
            int n = done.incrementAndGet();
            if (n % step == 0) {
                progress.say("analysed %d/%d texts", n, rows.size());
            }
            return f;
        }).toList());
    }

    public TextModel train(List<LabelledText> rows, String version, String taxonomyVersion, String dataSha256) {
        return train(rows, featurise(rows), version, taxonomyVersion, dataSha256);
    }

    public TextModel train(List<LabelledText> rows, List<Counter<String>> raw, String version,
                           String taxonomyVersion, String dataSha256) {
        Vocabulary vocabulary = vocabulary(rows, raw);
        List<Counter<String>> features = raw.stream().map(vocabulary::restrict).toList();
        List<String> labels = new ArrayList<>(new TreeSet<>(rows.stream().flatMap(r -> r.labels().stream()).toList()));
        progress.say("%d texts, %d labels, %d features", rows.size(), labels.size(), vocabulary.features().size());
        int[] fold = folds(rows);

        HeldOut first = heldOut(rows, labels, features, fold, "first layer");
        Layer firstLayer = fit(rows, labels, features, allRows(rows.size()));
        List<Counter<String>> stacked = IntStream.range(0, rows.size())
                .mapToObj(i -> Layer.stacked(features.get(i), first.labelColumn(i), first.sentiment()[i])).toList();
        HeldOut decisive = heldOut(rows, labels, stacked, fold, "stacked layer");
        Layer secondLayer = fit(rows, labels, stacked, allRows(rows.size()));

        List<boolean[]> golds = labels.stream().map(label -> gold(rows, label)).toList();
        double[] thresholds = jointThresholds(decisive.labels(), golds, thresholds(decisive.labels(), golds));
        double fallbackRatio = bestFallback(rows, labels, decisive.labels(), thresholds);
        Map<String, Double> metrics = metrics(rows, labels, decisive, thresholds, fallbackRatio);
        progress.say("held-out: micro-F1 %.3f macro-F1 %.3f sentiment-acc %.3f",
                metrics.get("microF1"), metrics.get("macroF1"), metrics.get("sentimentAccuracy"));

        List<ModelManifest.LabelEntry> entries = new ArrayList<>();
        for (int l = 0; l < labels.size(); l++) {
            boolean[] gold = gold(rows, labels.get(l));
            // Texts, not rows: a text counted several times (an area's correction) is one example.
            Set<String> positiveTexts = new HashSet<>();
            for (int i = 0; i < gold.length; i++) {
                if (gold[i]) {
                    positiveTexts.add(rows.get(i).id());
                }
            }
            int positives = positiveTexts.size();
            entries.add(new ModelManifest.LabelEntry(labels.get(l), String.format("%03d.ser.gz", l),
                    thresholds[l], positives, Metrics.f1(decisive.labels()[l], gold, thresholds[l]),
                    suggestionFloor(decisive.labels()[l], gold, thresholds[l])));
        }
        int texts = (int) rows.stream().map(LabelledText::id).distinct().count();
        ModelManifest manifest = new ModelManifest(version, taxonomyVersion, dataSha256, texts,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), recipe, fallbackRatio, entries,
                firstLayer.sentiment() != null, metrics, null);
        progress.say("final models trained");
        return new TextModel(manifest, vocabulary, firstLayer, secondLayer);
    }

    /** Held-out label probabilities [label][text] and sentiment probabilities [text][class]. */
    record HeldOut(double[][] labels, double[][] sentiment) {
        double[] labelColumn(int i) {
            double[] column = new double[labels.length];
            for (int l = 0; l < labels.length; l++) {
                column[l] = labels[l][i];
            }
            return column;
        }
    }

    /**
     * Scores every text with a layer fitted to the other folds: label probabilities [label][text] and
     * sentiment probabilities [text][class], as {@link Layer#probabilities} gives them.
     */
    private HeldOut heldOut(List<LabelledText> rows, List<String> labels, List<Counter<String>> features,
                            int[] fold, String what) {
        int n = rows.size();
        int labelCount = labels.size();
        double[][] labelP = new double[labelCount][n];
        double[][] sentimentP = new double[n][];
        for (int k = 0; k < recipe.folds(); k++) {
            List<Integer> trainIdx = new ArrayList<>();
            List<Integer> testIdx = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                (fold[i] == k ? testIdx : trainIdx).add(i);
            }
            Layer layer = fit(rows, labels, features, trainIdx);
            for (int i : testIdx) {
                double[][] p = layer.probabilities(features.get(i));
                for (int l = 0; l < labelCount; l++) {
                    labelP[l][i] = p[0][l];
                }
                sentimentP[i] = p[1];
            }
            progress.say("%s: held-out fold %d/%d scored", what, k + 1, recipe.folds());
        }
        return new HeldOut(labelP, sentimentP);
    }

    private Layer fit(List<LabelledText> rows, List<String> labels, List<Counter<String>> features, List<Integer> idx) {
        List<LinearClassifier<String, String>> models = new ArrayList<>(Collections.nCopies(labels.size(), null));
        LinearClassifier<String, String> sentiment = inPool(() -> {
            IntStream.range(0, labels.size()).parallel()
                    .forEach(l -> models.set(l, trainBinary(labels.get(l), rows, features, idx)));
            return trainSentiment(rows, features, idx);
        });
        return new Layer(models, sentiment);
    }

    /**
     * Features seen in at least {@code minFeatureCount} different texts. A text counted several times
     * (an area's correction) counts once: its own rare words, a child's name among them, must not
     * reach the model's vocabulary, which is stored.
     */
    private Vocabulary vocabulary(List<LabelledText> rows, List<Counter<String>> raw) {
        Map<String, Integer> df = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            if (!seen.add(rows.get(i).id())) {
                continue;
            }
            for (String key : raw.get(i).keySet()) {
                df.merge(key, 1, Integer::sum);
            }
        }
        Map<String, Double> kept = new HashMap<>();
        int n = seen.size();
        df.forEach((k, v) -> {
            if (v >= recipe.minFeatureCount()) {
                // Smoothed inverse document frequency: rare, telling words weigh more than "the".
                kept.put(k, Math.log((n + 1.0) / (v + 1.0)) + 1.0);
            }
        });
        return new Vocabulary(Map.copyOf(kept), recipe.vectorWeight(), recipe.sentenceWeight());
    }

    /**
     * Held-out folds by text id: rows that share an id (one text counted several times, as an area's
     * corrections are) always fall in the same fold, or a text would help score itself. With unique
     * ids this is the plain shuffled split.
     */
    private int[] folds(List<LabelledText> rows) {
        Map<String, Integer> firstRow = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            firstRow.putIfAbsent(rows.get(i).id(), firstRow.size());
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, firstRow.size()).boxed().toList());
        Collections.shuffle(order, new Random(17));
        int[] foldOfText = new int[firstRow.size()];
        for (int i = 0; i < order.size(); i++) {
            foldOfText[order.get(i)] = i % recipe.folds();
        }
        int[] fold = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            fold[i] = foldOfText[firstRow.get(rows.get(i).id())];
        }
        return fold;
    }

    private static List<Integer> allRows(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private LinearClassifier<String, String> trainBinary(String label, List<LabelledText> rows,
                                                         List<Counter<String>> features, List<Integer> idx) {
        RVFDataset<String, String> data = new RVFDataset<>();
        int positives = 0;
        for (int i : idx) {
            positives += rows.get(i).labels().contains(label) ? 1 : 0;
        }
        if (positives == 0 || positives == idx.size()) {
            return null;
        }
        // A label with a dozen examples among thousands is drowned by the prior; counting each of its
        // examples several times lets its words earn weight.
        int copies = positives < RARE_BELOW
                ? Math.min(RARE_CAP, (RARE_BELOW + positives - 1) / positives) : 1;
        for (int i : idx) {
            boolean yes = rows.get(i).labels().contains(label);
            for (int c = 0; c < (yes ? copies : 1); c++) {
                data.add(new RVFDatum<>(features.get(i), yes ? Layer.YES : Layer.NO));
            }
        }
        return factory(recipe.sigma()).trainClassifier(data);
    }

    private LinearClassifier<String, String> trainSentiment(List<LabelledText> rows, List<Counter<String>> features,
                                                            List<Integer> idx) {
        RVFDataset<String, String> data = new RVFDataset<>();
        for (int i : idx) {
            Integer s = rows.get(i).sentiment();
            if (s != null) {
                data.add(new RVFDatum<>(features.get(i), Integer.toString(s)));
            }
        }
        if (data.size() == 0) {
            return null;
        }
        return factory(recipe.sentimentSigma()).trainClassifier(data);
    }

    private static LinearClassifierFactory<String, String> factory(double sigma) {
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
        factory.setSigma(sigma);
        factory.setVerbose(false);
        factory.setTol(1e-4);
        return factory;
    }

    static boolean[] gold(List<LabelledText> rows, String label) {
        boolean[] gold = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            gold[i] = rows.get(i).labels().contains(label);
        }
        return gold;
    }

    /** Below this many positives a label's own held-out F1 curve is too noisy to pick a threshold from. */
    static final int RARE_BELOW = 30;
    /** A rare label's examples count as if it had RARE_BELOW, each at most this many times. */
    static final int RARE_CAP = 5;

    /** A suggestion is worth a person's look when at least this share of held-out suggestions were right. */
    static final double SUGGESTION_PRECISION = 0.3;

    /**
     * The lowest probability below a label's threshold from which it is offered as a suggestion: the
     * widest band [floor, threshold) in which held-out texts had the label at least
     * {@link #SUGGESTION_PRECISION} of the time, its floor a probability some held-out text had (no
     * lower than a third of the threshold); the threshold itself (no suggestions) when no band was
     * right that often.
     */
    static double suggestionFloor(double[] p, boolean[] gold, double threshold) {
        double lowest = Math.max(0.01, threshold / 3);
        Integer[] below = java.util.stream.IntStream.range(0, p.length).filter(i -> p[i] < threshold && p[i] >= lowest)
                .boxed().sorted((i, j) -> Double.compare(p[j], p[i])).toArray(Integer[]::new);
        double floor = threshold;
        int right = 0;
        for (int k = 0; k < below.length; k++) {
            right += gold[below[k]] ? 1 : 0;
            // Texts with the same probability stand or fall together: a floor cannot split them.
            boolean groupEnds = k + 1 == below.length || p[below[k + 1]] != p[below[k]];
            if (groupEnds && right >= SUGGESTION_PRECISION * (k + 1)) {
                floor = p[below[k]];
            }
        }
        return floor >= threshold ? threshold : Math.floor(floor * 100 + 1e-9) / 100;
    }

    /**
     * Per-label thresholds with the best held-out F1. Rare labels share one threshold, the one with
     * the best mean F1 across them: a curve drawn from a dozen positives would pick a bar by chance.
     */
    static double[] thresholds(double[][] p, List<boolean[]> gold) {
        double[] thresholds = new double[p.length];
        List<Integer> rare = new ArrayList<>();
        for (int l = 0; l < p.length; l++) {
            int positives = 0;
            for (boolean g : gold.get(l)) {
                positives += g ? 1 : 0;
            }
            if (positives < RARE_BELOW) {
                rare.add(l);
                continue;
            }
            double bestF1 = -1;
            for (int t = 5; t <= 90; t++) {
                double f1 = Metrics.f1(p[l], gold.get(l), t / 100.0);
                if (f1 > bestF1 + 1e-9) {
                    bestF1 = f1;
                    thresholds[l] = t / 100.0;
                }
            }
        }
        double shared = 0.5;
        double bestMean = -1;
        for (int t = 5; t <= 90 && !rare.isEmpty(); t++) {
            double sum = 0;
            for (int l : rare) {
                sum += Metrics.f1(p[l], gold.get(l), t / 100.0);
            }
            if (sum > bestMean + 1e-9) {
                bestMean = sum;
                shared = t / 100.0;
            }
        }
        for (int l : rare) {
            thresholds[l] = shared;
        }
        return thresholds;
    }

    /**
     * Moves the frequent labels' thresholds, one label at a time, to where the sum of micro-F1 and
     * macro-F1 over all labels is highest. A threshold tuned on its own label's F1 alone lets a weak
     * label ("negative experience", F1 0.2) flood the output with false positives that cost the
     * comments' overall accuracy more than the weak label gains; the joint objective still weighs each
     * label's own F1 through the macro term.
     */
    static double[] jointThresholds(double[][] p, List<boolean[]> gold, double[] start) {
        int labels = p.length;
        int steps = 91;
        long[][][] counts = new long[labels][steps][];
        double[] thresholds = start.clone();
        boolean[] frequent = new boolean[labels];
        int present = 0;
        for (int l = 0; l < labels; l++) {
            int positives = 0;
            for (boolean g : gold.get(l)) {
                positives += g ? 1 : 0;
            }
            present += positives > 0 ? 1 : 0;
            frequent[l] = positives >= RARE_BELOW;
            for (int t = 5; t <= 95; t++) {
                counts[l][t - 5] = Metrics.confusion(p[l], gold.get(l), t / 100.0);
            }
        }
        long[][] current = new long[labels][];
        for (int l = 0; l < labels; l++) {
            current[l] = Metrics.confusion(p[l], gold.get(l), thresholds[l]);
        }
        for (int pass = 0; pass < 3; pass++) {
            boolean moved = false;
            for (int l = 0; l < labels; l++) {
                if (!frequent[l]) {
                    continue;
                }
                long tp = 0;
                long fp = 0;
                long fn = 0;
                double f1Sum = 0;
                for (int k = 0; k < labels; k++) {
                    if (k != l) {
                        tp += current[k][0];
                        fp += current[k][1];
                        fn += current[k][2];
                        f1Sum += Metrics.f1(current[k][0], current[k][1], current[k][2]);
                    }
                }
                double best = objective(tp, fp, fn, f1Sum, current[l], present);
                for (int t = 0; t < steps; t++) {
                    double j = objective(tp, fp, fn, f1Sum, counts[l][t], present);
                    if (j > best + 1e-9) {
                        best = j;
                        thresholds[l] = (t + 5) / 100.0;
                        current[l] = counts[l][t];
                        moved = true;
                    }
                }
            }
            if (!moved) {
                break;
            }
        }
        return thresholds;
    }

    private static double objective(long tp, long fp, long fn, double f1Sum, long[] own, int present) {
        double micro = Metrics.f1(tp + own[0], fp + own[1], fn + own[2]);
        double macro = (f1Sum + Metrics.f1(own[0], own[1], own[2])) / Math.max(1, present);
        return micro + macro;
    }

    private static double bestFallback(List<LabelledText> rows, List<String> labels, double[][] p, double[] thresholds) {
        double best = 1e9;
        double bestF1 = -1;
        for (double ratio : new double[] {1e9, 0.75, 0.5, 0.3, 0.0}) {
            double f1 = Metrics.of(rows, predictions(labels, p, thresholds, ratio, rows.size()), null).microF1();
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = ratio;
            }
        }
        return best;
    }

    static List<Set<String>> predictions(List<String> labels, double[][] p, double[] thresholds, double fallbackRatio,
                                         int n) {
        List<Set<String>> predicted = new ArrayList<>(n);
        double[] column = new double[labels.size()];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < labels.size(); l++) {
                column[l] = p[l][i];
            }
            boolean[] given = Decision.give(column, thresholds, fallbackRatio);
            Set<String> set = new HashSet<>();
            for (int l = 0; l < labels.size(); l++) {
                if (given[l]) {
                    set.add(labels.get(l));
                }
            }
            predicted.add(set);
        }
        return predicted;
    }

    private static Map<String, Double> metrics(List<LabelledText> rows, List<String> labels, HeldOut heldOut,
                                               double[] thresholds, double fallbackRatio) {
        List<Integer> sentiment = new ArrayList<>();
        for (double[] p : heldOut.sentiment()) {
            int best = 0;
            for (int s = 1; s < p.length; s++) {
                best = p[s] > p[best] ? s : best;
            }
            sentiment.add(p[best] > 0 ? best + 1 : null);
        }
        Metrics m = Metrics.of(rows, predictions(labels, heldOut.labels(), thresholds, fallbackRatio, rows.size()),
                sentiment);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("microF1", m.microF1());
        metrics.put("macroF1", m.macroF1());
        metrics.put("samplesF1", m.samplesF1());
        metrics.put("exactMatch", m.exactMatch());
        metrics.put("sentimentAccuracy", m.sentimentAccuracy());
        metrics.put("sentimentMacroF1", m.sentimentMacroF1());
        return metrics;
    }

    private <T> T inPool(Callable<T> work) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
