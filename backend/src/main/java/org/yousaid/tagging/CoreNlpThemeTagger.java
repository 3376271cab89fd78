package org.yousaid.tagging;

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
import org.yousaid.tagging.engine.RedactionSpan;
import org.yousaid.tagging.engine.TagResult;
import org.yousaid.tagging.engine.Tagger;
import org.yousaid.tagging.engine.Taxonomy;

/**
 * The production tagger: Stanford CoreNLP's light pipeline and the models trained in
 * {@code nlp-models/}. Loading takes seconds and ~0.4 GB, so it happens once per process, on first
 * use (in a worker thread, never in a request), and is shared by every application context.
 */
@Singleton
@Requires(missingProperty = "yousaid.tagging.double")
final class CoreNlpThemeTagger implements ThemeTagger {

    private static final Logger LOG = LoggerFactory.getLogger(CoreNlpThemeTagger.class);
    private static final Map<Path, Loaded> LOADED = new ConcurrentHashMap<>();

    private record Loaded(Tagger tagger, Map<String, String> themeNames) {
    }

    private final Path modelsDir;

    CoreNlpThemeTagger(TaggingSettings settings) {
        this.modelsDir = modelsDir(settings);
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
        Loaded loaded = loaded();
        TagResult r = loaded.tagger().tag(text);
        List<Tags.Theme> themes = r.givenThemes().stream()
                .map(t -> new Tags.Theme(t.label(), loaded.themeNames().getOrDefault(t.label(), t.label()),
                        Math.round(t.probability() * 1000) / 1000.0))
                .toList();
        List<Tags.Redaction> redactions = r.redactions().stream()
                .map(s -> new Tags.Redaction(s.begin(), s.end(), kind(s.kind())))
                .toList();
        List<Tags.Reason> reasons = r.safeguarding().findings().stream()
                .map(f -> new Tags.Reason(f.reason().name().toLowerCase(java.util.Locale.ROOT), f.evidence()))
                .toList();
        return new Tagged(new Tags(r.modelVersion(), themes,
                r.sentiment() == null ? null : r.sentiment().value(),
                r.sentiment() == null ? null : Math.round(r.sentiment().probability() * 1000) / 1000.0,
                redactions, new Tags.Safeguarding(r.safeguarding().flagged(), reasons)), r.embedding());
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
