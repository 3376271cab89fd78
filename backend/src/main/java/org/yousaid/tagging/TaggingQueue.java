package org.yousaid.tagging;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Where content features hand over new texts. Call it inside the transaction that stores the text:
 * the job commits with the text or not at all, and submission never waits for tagging.
 */
@Singleton
public final class TaggingQueue {

    private final TaggingJobs jobs;
    private final TagStore tags;
    private final Clock clock;

    TaggingQueue(TaggingJobs jobs, TagStore tags, Clock clock) {
        this.jobs = jobs;
        this.tags = tags;
        this.clock = clock;
    }

    public void submitted(String areaId, String contentType, UUID contentId) {
        jobs.enqueue(areaId, contentType, contentId, "submitted", clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** The author took their words back: tags quoting them (spans, evidence) go too. */
    public void withdrawn(String areaId, String contentType, UUID contentId) {
        tags.delete(areaId, contentType, contentId);
    }
}
