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
final class FaultInjectingTagger extends RealTaggerWith {

    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    FaultInjectingTagger(TaggingSettings settings) {
        super(settings);
    }

    @Override
    protected void beforeAnalysis(String text, boolean withAreaModel) {
        if (text.contains("fail-always") || (!withAreaModel && text.contains("fail-once") && failedOnce.add(text))) {
            throw new IllegalStateException("injected failure");
        }
    }
}
