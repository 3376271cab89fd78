package org.yousaid.tagging;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The real CoreNLP tagger holding every text for {@code yousaid.faults.tagging-hold} before it
 * answers: a stand-in for a long job, so the fault suite's kill -9 finds jobs mid-way (a real job
 * takes milliseconds, and a kill rarely lands inside one). Only where that property is set.
 */
@Singleton
@Replaces(CoreNlpThemeTagger.class)
@Requires(property = "yousaid.faults.tagging-hold")
final class HeldTagger implements ThemeTagger {

    private final CoreNlpThemeTagger real;
    private final Duration hold;

    HeldTagger(TaggingSettings settings, @Property(name = "yousaid.faults.tagging-hold") Duration hold) {
        this.real = new CoreNlpThemeTagger(settings);
        this.hold = hold;
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
        hold();
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
        hold();
        return real.analyse(text);
    }

    private void hold() {
        try {
            Thread.sleep(hold.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
