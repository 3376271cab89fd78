package org.yousaid.tagging.engine;

import edu.stanford.nlp.stats.Counter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole tagging step for one text: CoreNLP's light pipeline once, then redaction spans, themes,
 * sentiment and the safeguarding check. Thread-safe; load once per process (CoreNLP's models take a
 * few seconds and ~0.4 GB).
 */
public final class Tagger {

    private final TextAnalyser analyser;
    private final Featuriser featuriser;
    private final TextModel themes;
    private final Redactor redactor;
    private final SafeguardingCheck safeguarding;
    private final TextModel safeguardingModel;
    private final String version;

    public Tagger(TextAnalyser analyser, TextModel themes, TextModel safeguardingModel) {
        this.analyser = analyser;
        this.featuriser = new Featuriser();
        this.themes = themes;
        this.redactor = new Redactor();
        double threshold = safeguardingModel == null ? 1.1 : safeguardingModel.manifest().labels().stream()
                .filter(l -> l.label().equals("risk")).mapToDouble(ModelManifest.LabelEntry::threshold).findFirst().orElse(1.1);
        this.safeguarding = new SafeguardingCheck(safeguardingModel, threshold);
        this.safeguardingModel = safeguardingModel;
        this.version = composite(themes.manifest().version(), safeguardingModel == null ? null : safeguardingModel.manifest().version());
    }

    /**
     * The same pipeline with another theme model (an area's own, retrained from its forum leads'
     * corrections): CoreNLP, redaction and the safeguarding check are shared, only themes and
     * sentiment change.
     */
    public Tagger withThemes(TextModel areaThemes) {
        return new Tagger(analyser, areaThemes.forScoringOnly(), safeguardingModel);
    }

    /** The theme model's manifest (its labels, thresholds and held-out figures). */
    public ModelManifest themesManifest() {
        return themes.manifest();
    }

    TextModel themes() {
        return themes;
    }

    TextAnalyser analyser() {
        return analyser;
    }

    /** The text's CoreNLP tokens (word, lemma, part of speech, sentence), for checks other than tagging. */
    public Analysis analyse(String text) {
        return analyser.analyse(text);
    }

    Featuriser featuriser() {
        return featuriser;
    }

    /** The features of one text, as {@link #tag} computes them. */
    Counter<String> features(String text) {
        return featuriser.features(analyser.analyse(text));
    }

    float[] embedding(String text, Counter<String> features) {
        return featuriser.embedding(features);
    }

    private static String composite(String themes, String safeguarding) {
        return safeguarding == null ? themes : themes + "+" + safeguarding;
    }

    /** Loads {@code models/send} and, when present, {@code models/safeguarding} below {@code modelsDir}. */
    public static Tagger load(Path modelsDir) {
        // A tagger only scores: the classifiers its models were built from need not stay in memory.
        TextModel themes = ModelStore.load(modelsDir.resolve("send")).forScoringOnly();
        Path sg = modelsDir.resolve("safeguarding");
        TextModel safeguarding = Files.exists(sg.resolve(ModelStore.MANIFEST)) ? ModelStore.load(sg).forScoringOnly() : null;
        return new Tagger(new TextAnalyser(), themes, safeguarding);
    }

    /** The version {@link #load} would report, read from the manifests without loading anything. */
    public static String versionOf(Path modelsDir) {
        return versionOf(modelsDir, ModelStore.manifest(modelsDir.resolve("send")).version());
    }

    /** The version {@link #withThemes} would report for a theme model of version {@code themesVersion}. */
    public static String versionOf(Path modelsDir, String themesVersion) {
        Path sg = modelsDir.resolve("safeguarding");
        return composite(themesVersion, Files.exists(sg.resolve(ModelStore.MANIFEST)) ? ModelStore.manifest(sg).version() : null);
    }

    /** Model version recorded with every result, so a newer model can re-tag what an older one tagged. */
    public String version() {
        return version;
    }

    /**
     * The unit-length sentence embedding of a text (all-MiniLM-L6-v2, the shipped models' encoder):
     * the backend compares it with a theme's name and description to give a theme no training example
     * has taught yet.
     */
    public float[] embed(String text) {
        return SentenceVectors.minilm().embed(text);
    }

    /** Cosine similarity of two unit-length embeddings. */
    public static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    public TagResult tag(String text) {
        Analysis analysis = analyser.analyse(text);
        Counter<String> features = featuriser.features(analysis);
        List<RedactionSpan> spans = redactor.spans(analysis);
        SafeguardingCheck.Result risk = safeguarding.assess(text, features, analysis, featuriser::features);
        TextModel.Scores scores = risk.flagged() ? RiskReading.apply(themes.score(features), risk)
                : FeelingReading.apply(themes.score(features), analysis);
        float[] embedding = embedding(text, features);
        return new TagResult(version, scores.themes(), scores.sentiment(), spans, risk, embedding);
    }
}
