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
final class HeldTagger extends RealTaggerWith {

    private final Duration hold;

    HeldTagger(TaggingSettings settings, @Property(name = "yousaid.faults.tagging-hold") Duration hold) {
        super(settings);
        this.hold = hold;
    }

    @Override
    protected void beforeAnalysis(String text, boolean withAreaModel) {
        try {
            Thread.sleep(hold.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
