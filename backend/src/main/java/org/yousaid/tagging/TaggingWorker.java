package org.yousaid.tagging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.yousaid.content.ContentRef;
import org.yousaid.content.ContentSource;
import org.yousaid.content.ContentSources;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.shared.RequestPressure;

/**
 * Runs tagging jobs in this server: {@code yousaid.tagging.workers} threads lease one job at a time,
 * tag outside any transaction (CoreNLP takes milliseconds, but a lock held that long would serialise
 * the queue), then store the result and complete the job in one short transaction. Logs carry ids,
 * never text.
 */
@Singleton
public class TaggingWorker {

    private static final Logger LOG = LoggerFactory.getLogger(TaggingWorker.class);

    /** What one call of {@link #runOnce()} did. */
    public enum Step { IDLE, TAGGED, GONE, RETRY_LATER, FAILED, LEASE_LOST }

    /** A request within this long counts as the server being in use. */
    private static final long SERVING = TimeUnit.MILLISECONDS.toNanos(250);

    private final TaggingJobs jobs;
    private final TagStore tags;
    private final ThemeTagger tagger;
    private final TaggingSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final ContentSources contents;
    private final ApplicationEventPublisher<ContentFlagged> flagged;
    private final ApplicationEventPublisher<ContentTagged> taggedEvents;
    private final List<AreaThemes> areaThemes;
    private final EmbeddingRepository embeddings;
    private final AreaModels areaModels;
    private final AddedThemeMatcher addedThemes;
    private final RequestPressure pressure;
    private final String name = "worker-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<ExecutorService> pools = new ArrayList<>();
    private final AtomicInteger looping = new AtomicInteger();
    private final AtomicBoolean modelShown = new AtomicBoolean();
    private final MeterRegistry meters;
    /** When this process last put jobs with run-out leases back in the queue (nanoTime). */
    private final java.util.concurrent.atomic.AtomicLong lastReclaim = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
    private volatile boolean running;

    TaggingWorker(TaggingJobs jobs, TagStore tags, ThemeTagger tagger, TaggingSettings settings,
                  TransactionOperations<Connection> transactions, Clock clock, ContentSources contents,
                  ApplicationEventPublisher<ContentFlagged> flagged, ApplicationEventPublisher<ContentTagged> taggedEvents,
                  List<AreaThemes> areaThemes, EmbeddingRepository embeddings, AreaModels areaModels,
                  RequestPressure pressure, MeterRegistry meters) {
        this.meters = meters;
        this.areaModels = areaModels;
        this.pressure = pressure;
        this.addedThemes = new AddedThemeMatcher(sentence -> tagger.embed(sentence).orElseThrow());
        this.areaThemes = areaThemes;
        this.embeddings = embeddings;
        this.jobs = jobs;
        this.tags = tags;
        this.tagger = tagger;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.contents = contents;
        this.flagged = flagged;
        this.taggedEvents = taggedEvents;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (settings.workers() <= 0) {
            return;
        }
        running = true;
        ExecutorService pool = Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "tagging-" + name);
            t.setDaemon(true);
            return t;
        });
        pools.add(pool);
        for (int i = 0; i < settings.workers(); i++) {
            pool.submit(this::loop);
        }
        LOG.info("tagging.workers started={} lease={}", settings.workers(), settings.lease());
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        running = false;
        for (ExecutorService pool : pools) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A lease finds a dead worker's job once the queue is empty; behind a backlog that never empties,
     * every few seconds (a tenth of a lease) this process puts such jobs back in the queue too.
     */
    private void reclaimNowAndThen() {
        long every = Math.max(1_000_000_000L, settings.lease().toNanos() / 10);
        long last = lastReclaim.get();
        if (System.nanoTime() - last >= every && lastReclaim.compareAndSet(last, System.nanoTime())) {
            int reclaimed = transactions.executeWrite(status -> jobs.reclaimExpired(now()));
            if (reclaimed > 0) {
                LOG.warn("tagging.leases_ran_out jobs={}", reclaimed);
            }
        }
    }

    /** Worker threads now in their loop (for the metrics: a worker that died shows as one fewer). */
    int runningWorkers() {
        return looping.get();
    }

    private void loop() {
        looping.incrementAndGet();
        try {
            work();
        } finally {
            looping.decrementAndGet();
        }
    }

    private void work() {
        tagger.warmUp();
        if (modelShown.compareAndSet(false, true)) {
            // Only a process that tags says which model it tags with (a CLI or web-only replica loads none).
            Gauge.builder("yousaid.tagging.model", () -> 1).tag("version", tagger.modelVersion())
                    .description("The shipped theme model this process tags with (areas' own models are in the console)")
                    .register(meters);
        }
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                long began = System.nanoTime();
                if (runOnce() == Step.IDLE) {
                    Thread.sleep(settings.pollInterval().toMillis());
                } else if (settings.giveWay() > 0 && pressure.busy(SERVING)) {
                    // People are waiting on this server: give them the core back for a while.
                    TimeUnit.NANOSECONDS.sleep((System.nanoTime() - began) * settings.giveWay());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // The database may be restarting; back off and keep the worker alive.
                LOG.warn("tagging.loop error={}", e.getClass().getSimpleName());
                sleepQuietly(settings.pollInterval().toMillis() * 4);
            }
        }
    }

    /** Leases and runs at most one due job. Public so tests and operators can drive the queue by hand. */
    public Step runOnce() {
        reclaimNowAndThen();
        Optional<TaggingJob> leased = transactions.executeWrite(status -> jobs.lease(name, now(), settings.lease()));
        if (leased.isEmpty()) {
            return Step.IDLE;
        }
        TaggingJob job = leased.get();
        if (job.attempts() > settings.maxAttempts()) {
            // Its earlier workers died mid-job as many times as it may be tried: stop re-leasing it.
            transactions.executeWrite(status -> jobs.fail(job, name, "lease expired " + (job.attempts() - 1) + " times", now()));
            LOG.warn("tagging.failed area={} job={} attempts={}", job.areaId(), job.id(), job.attempts());
            return Step.FAILED;
        }
        ContentSource content = contents.of(job.contentType());
        try {
            Optional<String> text = content == null ? Optional.empty()
                    : transactions.executeRead(status -> content.text(job.areaId(), job.contentId()));
            if (text.isEmpty()) {
                boolean ours = transactions.executeWrite(status -> {
                    tags.delete(job.areaId(), job.contentType(), job.contentId());
                    return jobs.complete(job, name, now());
                });
                return ours ? Step.GONE : Step.LEASE_LOST;
            }
            long start = System.nanoTime();
            ThemeTagger.AreaModel areaModel = areaModels.active(job.areaId()).orElse(null);
            Tagged analysed = tagger.analyse(text.get(), areaModel);
            Tags result = withAddedThemes(job.areaId(), text.get(), analysed, areaModel);
            boolean ours = transactions.executeWrite(status -> {
                if (!jobs.complete(job, name, now())) {
                    return false;
                }
                // Withdrawn while we were tagging: keep nothing that quotes it.
                if (content.text(job.areaId(), job.contentId()).isPresent()) {
                    Instant taggedAt = now();
                    tags.save(job.areaId(), job.contentType(), job.contentId(), result, taggedAt);
                    if (analysed.embedding() != null) {
                        embeddings.save(job.areaId(), job.contentType(), job.contentId(), analysed.embedding());
                    }
                    taggedEvents.publishEvent(new ContentTagged(new ContentRef(job.areaId(), content.type(), job.contentId()),
                            result.themes().stream().map(Tags.Theme::theme).toList(), result.sentiment(),
                            result.safeguarding().flagged(), result.modelVersion()));
                    if (result.safeguarding().flagged()) {
                        // Whatever state the content is in (pending, published, rejected): a person must see it.
                        flagged.publishEvent(new ContentFlagged(new ContentRef(job.areaId(), content.type(), job.contentId()),
                                result.modelVersion(), taggedAt,
                                result.safeguarding().reasons().stream().map(Tags.Reason::reason).distinct().toList()));
                    }
                } else {
                    tags.delete(job.areaId(), job.contentType(), job.contentId());
                }
                return true;
            });
            if (ours) {
                LOG.info("tagging.done area={} {}={} model={} flagged={} ms={}", job.areaId(), job.contentType(),
                        job.contentId(), result.modelVersion(), result.safeguarding().flagged(),
                        (System.nanoTime() - start) / 1_000_000);
                return Step.TAGGED;
            }
            LOG.warn("tagging.lease_lost area={} job={}", job.areaId(), job.id());
            return Step.LEASE_LOST;
        } catch (RuntimeException e) {
            return failed(job, e);
        }
    }

    /**
     * Gives the themes the area's forum leads added (which no trained model knows yet) by how close
     * the text's sentence embedding is to each theme's name and description, and names the added
     * themes an area's retrained model gives. Costs one embedding per text, and only in areas that
     * have added themes.
     */
    private Tags withAddedThemes(String areaId, String text, Tagged analysed, ThemeTagger.AreaModel areaModel) {
        Tags tags = analysed.tags();
        List<AreaThemes.AddedTheme> added = transactions.executeRead(status ->
                areaThemes.stream().flatMap(a -> a.added(areaId).stream()).toList());
        if (added.isEmpty()) {
            return tags;
        }
        Map<String, String> names = added.stream().collect(Collectors.toMap(AreaThemes.AddedTheme::id,
                AreaThemes.AddedTheme::name, (a, b) -> a));
        List<Tags.Theme> themes = new ArrayList<>(tags.themes().stream()
                .map(t -> names.containsKey(t.theme()) ? new Tags.Theme(t.theme(), names.get(t.theme()), t.score()) : t)
                .toList());
        Optional<float[]> embedded = analysed.embedding() != null ? Optional.of(analysed.embedding()) : tagger.embed(text);
        embedded.ifPresent(embedding -> addedThemes.given(embedding, added,
                areaModel == null ? java.util.Set.of() : areaModel.themes()).forEach((theme, similarity) -> {
                    if (themes.stream().noneMatch(t -> t.theme().equals(theme.id()))) {
                        themes.add(new Tags.Theme(theme.id(), theme.name(), Math.round(similarity * 1000) / 1000.0));
                    }
                }));
        List<Tags.Theme> suggestions = tags.suggestions().stream()
                .filter(s -> themes.stream().noneMatch(t -> t.theme().equals(s.theme()))).toList();
        return new Tags(tags.modelVersion(), themes, suggestions, tags.sentiment(), tags.sentimentConfidence(), tags.redactions(),
                tags.safeguarding());
    }

    private Step failed(TaggingJob job, RuntimeException e) {
        String error = reason(e);
        if (job.attempts() >= settings.maxAttempts()) {
            transactions.executeWrite(status -> jobs.fail(job, name, error, now()));
            LOG.warn("tagging.failed area={} job={} attempts={} error={}", job.areaId(), job.id(), job.attempts(),
                    e.getClass().getSimpleName());
            return Step.FAILED;
        }
        Instant runAfter = now().plus(settings.backoffAfter(job.attempts()));
        transactions.executeWrite(status -> jobs.retryLater(job, name, error, runAfter));
        LOG.warn("tagging.retry area={} job={} attempts={} after={} error={}", job.areaId(), job.id(), job.attempts(),
                runAfter, e.getClass().getSimpleName());
        return Step.RETRY_LATER;
    }

    /**
     * What went wrong, for the forum lead and the operator, in words: the exception's message is never
     * kept (it could quote the text being tagged), so the failure is named by its kind and where in
     * the tagging step it happened.
     */
    static String reason(RuntimeException e) {
        String where = java.util.Arrays.stream(e.getStackTrace())
                .filter(f -> f.getClassName().startsWith("org.yousaid."))
                .findFirst().map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                .orElse("the tagging engine");
        return "the tagger could not analyse this text (" + e.getClass().getSimpleName() + " in " + where
                + "); the text is kept: it is tried again, and once failed for good a forum lead reads it for safeguarding";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
