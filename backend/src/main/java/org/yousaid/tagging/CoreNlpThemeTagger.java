package org.yousaid.tagging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.shared.TextSpans;
import org.yousaid.tagging.engine.LabelledData;
import org.yousaid.tagging.engine.LabelledText;
import org.yousaid.tagging.engine.ModelManifest;
import org.yousaid.tagging.engine.ModelStore;
import org.yousaid.tagging.engine.Progress;
import org.yousaid.tagging.engine.RedactionSpan;
import org.yousaid.tagging.engine.Retraining;
import org.yousaid.tagging.engine.TagResult;
import org.yousaid.tagging.engine.Tagger;
import org.yousaid.tagging.engine.Taxonomy;
import org.yousaid.tagging.engine.ThemeScore;

/**
 * The production tagger: Stanford CoreNLP's light pipeline and the models trained in
 * {@code nlp-models/}. Loading takes seconds and ~0.3 GB, so it happens once per process, on first
 * use (in a worker thread, never in a request), and is shared by every application context.
 */
@Singleton
@Requires(missingProperty = "yousaid.tagging.double")
final class CoreNlpThemeTagger implements ThemeTagger, MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(CoreNlpThemeTagger.class);
    private static final Map<Path, Loaded> LOADED = new ConcurrentHashMap<>();

    private record Loaded(Tagger tagger, Map<String, String> themeNames) {
    }

    private final Path modelsDir;
    /** Each area's retrained theme model, as last loaded (a newer number replaces it), within the bound. */
    private final HeldAreaModels<Tagger> areaTaggers;
    private final AddedThemeMatcher addedThemes = new AddedThemeMatcher(sentence -> loaded().tagger().embed(sentence));

    CoreNlpThemeTagger(TaggingSettings settings) {
        this.modelsDir = modelsDir(settings);
        this.areaTaggers = new HeldAreaModels<>(settings.areaModels());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        areaTaggers.bindTo(registry);
    }

    @Override
    public String modelVersion(@io.micronaut.core.annotation.Nullable String areaThemesVersion) {
        return areaThemesVersion == null ? modelVersion() : Tagger.versionOf(modelsDir, areaThemesVersion);
    }

    @Override
    public Tagged analyse(String text, @io.micronaut.core.annotation.Nullable AreaModel areaModel) {
        return areaModel == null ? analyse(text) : analyse(tagger(areaModel), text);
    }

    private Tagger tagger(AreaModel areaModel) {
        Tagger base = loaded().tagger();
        if (areaModel == null) {
            return base;
        }
        return areaTaggers.get(areaModel.areaId(), areaModel.number(), () -> {
            long start = System.nanoTime();
            // Kept only for scoring (withThemes): about 15 MB where the whole model is about 190 MB.
            Tagger tagger = base.withThemes(ModelStore.fromBytes(areaModel.packed().get()));
            LOG.info("tagging.area_model_loaded area={} model={} seconds={}", areaModel.areaId(), tagger.version(),
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
            return tagger;
        });
    }

    @Override
    public Retrained retrain(RetrainInput input) {
        Tagger current = tagger(input.current());
        Path home = modelsDir.getParent();
        try {
            // What the shipped model learned from: our own written comments and real families' words.
            List<LabelledText> shipped = new java.util.ArrayList<>(LabelledData.read(home.resolve("data").resolve("send-train.tsv")));
            shipped.addAll(LabelledData.read(home.resolve("data").resolve("send-real").resolve("send-real.tsv")));
            List<LabelledText> sendTest = LabelledData.read(home.resolve("data").resolve("send-test.tsv"));
            Retraining.Data data = new Retraining.Data(shipped, sendTest, examples(input.corrections(), "c"),
                    examples(input.heldBack(), "h"), input.currentTheme(), addedThemes(input.added()));
            int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
            Retraining.Retrained outcome = Retraining.retrain(current, data, input.version(), threads, Progress.silent());
            java.util.Set<String> themes = new java.util.TreeSet<>();
            outcome.candidate().manifest().labels().forEach(l -> themes.add(l.label()));
            return new Retrained(ModelStore.toBytes(outcome.candidate()), themes, new ModelTraining.TrainingFigures(
                    new ModelTraining.BeforeAfter(figures(outcome.sendTestBefore()), figures(outcome.sendTestAfter())),
                    new ModelTraining.BeforeAfter(figures(outcome.heldBackBefore()), figures(outcome.heldBackAfter()))),
                    outcome.notWorse());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LabelledText> examples(List<Example> examples, String prefix) {
        List<LabelledText> rows = new java.util.ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            rows.add(new LabelledText(prefix + i, examples.get(i).text(), java.util.Set.copyOf(examples.get(i).themes()), null));
        }
        return rows;
    }

    /** An area's added themes, given by similarity as the tagging worker gives them, for measuring both models alike. */
    private Retraining.ExtraThemes addedThemes(List<AreaThemes.AddedTheme> added) {
        return added.isEmpty() ? Retraining.ExtraThemes.NONE : (embedding, known) -> addedThemes.ids(embedding, added, known);
    }

    private static ModelTraining.Figures figures(Retraining.Figures f) {
        return new ModelTraining.Figures(round(f.microF1()), round(f.macroF1()), f.texts());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    @Override
    public ModelSummary summary(@io.micronaut.core.annotation.Nullable AreaModel areaModel) {
        ModelManifest manifest = areaModel == null ? ModelStore.manifest(modelsDir.resolve("send"))
                : tagger(areaModel).themesManifest();
        Map<String, Double> heldOut = manifest.heldOutMetrics();
        return new ModelSummary(manifest.version(), java.time.Instant.parse(manifest.trainedAt()), manifest.trainingRows(),
                new ModelTraining.Figures(round(heldOut.getOrDefault("microF1", 0.0)), round(heldOut.getOrDefault("macroF1", 0.0)),
                        manifest.trainingRows()),
                manifest.realText() == null ? null : new ModelSummary.RealText(manifest.realText().source(),
                        manifest.realText().texts(), manifest.realText().folds(), manifest.realText().microF1(),
                        manifest.realText().macroF1(), manifest.realText().sentimentAccuracy()),
                manifest.labels().stream().map(l -> new ModelSummary.ThemeFigure(l.label(), l.positives(), round(l.heldOutF1()),
                        realText(manifest, l.label()))).toList());
    }

    /** A theme's figures on real families' words, where the manifest has them. */
    private static ModelSummary.RealTextTheme realText(ModelManifest manifest, String theme) {
        if (manifest.realText() == null) {
            return null;
        }
        return manifest.realText().labels().stream().filter(f -> f.label().equals(theme)).findFirst()
                .map(f -> new ModelSummary.RealTextTheme(f.support(), f.precision(), f.recall(), f.f1())).orElse(null);
    }

    @Override
    public List<List<Word>> sentences(String text) {
        List<List<Word>> sentences = new java.util.ArrayList<>();
        for (org.yousaid.tagging.engine.Token t : loaded().tagger().analyse(text).tokens()) {
            while (sentences.size() <= t.sentence()) {
                sentences.add(new java.util.ArrayList<>());
            }
            sentences.get(t.sentence()).add(new Word(t.word(), t.pos()));
        }
        return sentences;
    }

    @Override
    public String modelVersion() {
        Loaded loaded = LOADED.get(modelsDir);
        return loaded != null ? loaded.tagger().version() : Tagger.versionOf(modelsDir);
    }

    @Override
    public Tags tag(String text) {
        return analyse(text).tags();
    }

    @Override
    public Tagged analyse(String text) {
        return analyse(loaded().tagger(), text);
    }

    private Tagged analyse(Tagger tagger, String text) {
        Loaded loaded = loaded();
        TagResult r = tagger.tag(text);
        List<Tags.Theme> themes = r.givenThemes().stream().map(t -> theme(loaded, t)).toList();
        List<Tags.Theme> suggestions = r.suggestedThemes().stream().map(t -> theme(loaded, t)).toList();
        List<Tags.Redaction> redactions = r.redactions().stream()
                .map(s -> {
                    TextSpans.Span whole = TextSpans.fromChars(text, s.begin(), s.end());
                    return new Tags.Redaction(whole.begin(), whole.end(), kind(s.kind()));
                })
                .toList();
        List<Tags.Reason> reasons = r.safeguarding().findings().stream()
                .map(f -> new Tags.Reason(f.reason().name().toLowerCase(java.util.Locale.ROOT), f.evidence()))
                .toList();
        return new Tagged(new Tags(r.modelVersion(), themes, suggestions,
                r.sentiment() == null ? null : r.sentiment().value(),
                r.sentiment() == null ? null : Math.round(r.sentiment().probability() * 1000) / 1000.0,
                redactions, new Tags.Safeguarding(r.safeguarding().flagged(), reasons)), r.embedding());
    }

    private static Tags.Theme theme(Loaded loaded, ThemeScore t) {
        return new Tags.Theme(t.label(), loaded.themeNames().getOrDefault(t.label(), t.label()),
                Math.round(t.probability() * 1000) / 1000.0);
    }

    @Override
    public java.util.Optional<float[]> embed(String text) {
        return java.util.Optional.of(loaded().tagger().embed(text));
    }

    @Override
    public List<ShippedTheme> taxonomy() {
        Path file = modelsDir.getParent().resolve("taxonomy").resolve("send-themes.yaml");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Taxonomy.load(file).themes().stream().map(t -> new ShippedTheme(t.id(), t.name(), t.description())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void warmUp() {
        loaded();
    }

    private Loaded loaded() {
        return LOADED.computeIfAbsent(modelsDir, dir -> {
            long start = System.nanoTime();
            Tagger tagger = Tagger.load(dir);
            Map<String, String> names = themeNames(dir.getParent().resolve("taxonomy").resolve("send-themes.yaml"));
            LOG.info("tagging.ready model={} seconds={}", tagger.version(),
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
            return new Loaded(tagger, names);
        });
    }

    private static Map<String, String> themeNames(Path taxonomy) {
        if (!Files.exists(taxonomy)) {
            return Map.of();
        }
        try {
            Map<String, String> names = new ConcurrentHashMap<>();
            Taxonomy.load(taxonomy).themes().forEach(t -> names.put(t.id(), t.name()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kind(RedactionSpan.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    static Path modelsDir(TaggingSettings settings) {
        if (settings.modelsDir() != null && !settings.modelsDir().isBlank()) {
            return Path.of(settings.modelsDir()).toAbsolutePath();
        }
        String root = System.getProperty("yousaid.repo.root");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path candidate : new Path[] {base.resolve("nlp-models/models"), base.resolve("../nlp-models/models")}) {
            if (Files.isDirectory(candidate.resolve("send"))) {
                return candidate.normalize();
            }
        }
        return base.resolve("nlp-models/models");
    }
}
