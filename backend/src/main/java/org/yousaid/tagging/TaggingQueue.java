package org.yousaid.tagging;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import io.micronaut.runtime.event.annotation.EventListener;
import org.yousaid.content.ContentSubmitted;
import org.yousaid.content.ContentErased;
import org.yousaid.content.ContentWithdrawn;

/**
 * Takes new texts from the content features' events, inside the transaction that stores the text:
 * the job commits with the text or not at all, and submission never waits for tagging.
 */
@Singleton
final class TaggingQueue {

    private final TaggingJobs jobs;
    private final TagStore tags;
    private final Clock clock;

    TaggingQueue(TaggingJobs jobs, TagStore tags, Clock clock) {
        this.jobs = jobs;
        this.tags = tags;
        this.clock = clock;
    }

    @EventListener
    void onSubmitted(ContentSubmitted event) {
        jobs.enqueue(event.ref().areaId(), event.ref().type(), event.ref().id(), "submitted",
                clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** The author took their words back: tags quoting them (spans, evidence) go too. */
    @EventListener
    void onWithdrawn(ContentWithdrawn event) {
        tags.delete(event.ref().areaId(), event.ref().type(), event.ref().id());
    }

    /** Erased words keep no tags, embedding or proposed redactions (which quote them). */
    @EventListener
    void onErased(ContentErased event) {
        tags.delete(event.ref().areaId(), event.ref().type(), event.ref().id());
    }
}
