package org.yousaid.tagging;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real CoreNLP tagger, with failures on demand for the queue's retry tests: a text containing
 * {@code fail-always} always throws, one containing {@code fail-once} throws the first time.
 * Everything else is tagged by the real models.
 */
@Singleton
@Replaces(CoreNlpThemeTagger.class)
@Requires(env = "test")
final class FaultInjectingTagger implements ThemeTagger {

    private final CoreNlpThemeTagger real;
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    FaultInjectingTagger(TaggingSettings settings) {
        this.real = new CoreNlpThemeTagger(settings);
    }

    @Override
    public String modelVersion() {
        return real.modelVersion();
    }

    @Override
    public java.util.List<ShippedTheme> taxonomy() {
        return real.taxonomy();
    }

    @Override
    public java.util.Optional<float[]> embed(String text) {
        return real.embed(text);
    }

    @Override
    public void warmUp() {
        real.warmUp();
    }

    @Override
    public String modelVersion(String areaThemesVersion) {
        return real.modelVersion(areaThemesVersion);
    }

    @Override
    public Retrained retrain(RetrainInput input) {
        return real.retrain(input);
    }

    @Override
    public ModelSummary summary(AreaModel areaModel) {
        return real.summary(areaModel);
    }

    @Override
    public Tagged analyse(String text, AreaModel areaModel) {
        if (areaModel == null) {
            return analyse(text);
        }
        if (text.contains("fail-always")) {
            throw new IllegalStateException("injected failure");
        }
        return real.analyse(text, areaModel);
    }

    @Override
    public java.util.List<java.util.List<Word>> sentences(String text) {
        return real.sentences(text);
    }

    @Override
    public Tags tag(String text) {
        return analyse(text).tags();
    }

    @Override
    public Tagged analyse(String text) {
        if (text.contains("fail-always") || (text.contains("fail-once") && failedOnce.add(text))) {
            throw new IllegalStateException("injected failure");
        }
        return real.analyse(text);
    }
}
