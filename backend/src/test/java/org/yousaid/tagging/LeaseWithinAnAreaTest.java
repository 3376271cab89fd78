package org.yousaid.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yousaid.content.ContentType;
import org.yousaid.testing.Fixtures;

/**
 * The lease asks which areas have due jobs, then locks a row within one area (as PostgreSQL
 * distributed by area requires): the oldest job still goes first, and a worker that finds an
 * area's only due job held by another moves on to the next area rather than idling.
 */
@MicronautTest(transactional = false)
@Property(name = "yousaid.tagging.workers", value = "0")
class LeaseWithinAnAreaTest {

    // Older than anything another test queues, so these jobs are the oldest due in the shared database.
    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

    @Inject
    TaggingJobs jobs;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    Fixtures fixtures;

    private final java.util.List<String> areas = new java.util.ArrayList<>();

    @AfterEach
    void removeTheJobs() {
        areas.forEach(a -> fixtures.execute("delete from tagging_jobs where area_id = ?", a));
    }

    private String area() {
        String id = fixtures.area();
        areas.add(id);
        return id;
    }

    @Test
    void theOldestDueJobsAreaGoesFirstAndEachLeaseTakesOneJob() {
        String essex = area();
        String kent = area();
        jobs.enqueue(kent, ContentType.COMMENT, UUID.randomUUID(), "submitted", LONG_AGO.plusSeconds(2));
        jobs.enqueue(essex, ContentType.COMMENT, UUID.randomUUID(), "submitted", LONG_AGO);
        jobs.enqueue(essex, ContentType.COMMENT, UUID.randomUUID(), "submitted", LONG_AGO.plusSeconds(3));

        assertThat(jobs.dueAreas(Instant.now())).startsWith(essex, kent);
        assertThat(lease("w1").map(TaggingJob::areaId)).contains(essex);
        assertThat(lease("w1").map(TaggingJob::areaId)).contains(kent);
        assertThat(lease("w1").map(TaggingJob::areaId)).contains(essex);
        assertThat(fixtures.count("select count(*) from tagging_jobs where area_id in (?, ?) and state = 'running'", essex, kent))
                .isEqualTo(3);
    }

    @Test
    void aWorkerFindingAnAreasOnlyDueJobHeldByAnotherLeasesTheNextAreasAtOnce() throws Exception {
        String essex = area();
        String kent = area();
        UUID essexContent = UUID.randomUUID();
        jobs.enqueue(essex, ContentType.COMMENT, essexContent, "submitted", LONG_AGO);
        jobs.enqueue(kent, ContentType.COMMENT, UUID.randomUUID(), "submitted", LONG_AGO.plusSeconds(1));

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Another worker is in the middle of leasing Essex's only job: its row is locked, not yet taken.
        CompletableFuture<Optional<TaggingJob>> other = CompletableFuture.supplyAsync(() -> transactions.executeWrite(status -> {
            Optional<TaggingJob> row = jobs.nextDueIn(essex, Instant.now());
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return row;
        }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(jobs.dueAreas(Instant.now()).get(0)).isEqualTo(essex);
        Optional<TaggingJob> mine = lease("w2");
        release.countDown();

        assertThat(mine.map(TaggingJob::areaId)).contains(kent);
        assertThat(other.get(30, TimeUnit.SECONDS).map(TaggingJob::contentId)).contains(essexContent);
    }

    @Test
    void aJobWhoseWorkerDiedIsLeasedAgainWithinItsArea() {
        String essex = area();
        jobs.enqueue(essex, ContentType.COMMENT, UUID.randomUUID(), "submitted", LONG_AGO);
        Optional<TaggingJob> first = lease("dies");
        assertThat(first).isPresent();
        Optional<TaggingJob> stillLeased = transactions.executeWrite(status -> jobs.nextDueIn(essex, Instant.now()));
        assertThat(stillLeased).as("leased, not yet out of time").isEmpty();
        // Its lease runs out: it goes back to the queue as due as it was, so it is the next taken.
        fixtures.execute("update tagging_jobs set leased_until = ? where area_id = ?",
                java.sql.Timestamp.from(LONG_AGO.plusSeconds(60)), essex);
        int reclaimed = transactions.executeWrite(status -> jobs.reclaimExpired(Instant.now()));
        assertThat(reclaimed).isGreaterThanOrEqualTo(1);
        assertThat(fixtures.text("select state from tagging_jobs where area_id = ?", essex)).isEqualTo("queued");
        Optional<TaggingJob> again = lease("w3");
        assertThat(again.map(TaggingJob::id)).isEqualTo(first.map(TaggingJob::id));
        assertThat(again.map(TaggingJob::attempts)).contains(2);
    }

    private Optional<TaggingJob> lease(String worker) {
        return transactions.executeWrite(status -> jobs.lease(worker, Instant.now(), Duration.ofMinutes(2)));
    }
}
