package org.yousaid.tagging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.yousaid.metrics.CachedFigures;

/**
 * What an operator watches of tagging: the queue (due, waiting for a retry, running), how long the
 * oldest due job has waited and the workers running in this process. (The model's version is
 * registered by the first worker that has loaded it: see TaggingWorker.)
 * One query per scrape at most (the figures are kept five seconds), on the queue's partial indexes.
 */
@Singleton
final class TaggingMetrics implements MeterBinder {

    private final CachedFigures<TaggingJobs.QueueFigures> figures;
    private final BeanProvider<TaggingWorker> worker;

    // Providers, read at scrape time: the registry is made while the data source is (its pool is
    // measured), so a binder that needed the database's beans to be made would go round in a circle.
    TaggingMetrics(BeanProvider<TaggingJobs> jobs, BeanProvider<TaggingWorker> worker) {
        this.figures = new CachedFigures<>(() -> jobs.get().figures(), Duration.ofSeconds(5));
        this.worker = worker;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        String byState = "Tagging jobs by state";
        figures.gauge(registry, "yousaid.tagging.jobs", byState, TaggingJobs.QueueFigures::due, "state", "due");
        figures.gauge(registry, "yousaid.tagging.jobs", byState, TaggingJobs.QueueFigures::waiting, "state", "waiting");
        figures.gauge(registry, "yousaid.tagging.jobs", byState, TaggingJobs.QueueFigures::running, "state", "running");
        figures.gauge(registry, "yousaid.tagging.lag.seconds", "How long the oldest due tagging job has waited, in seconds",
                TaggingJobs.QueueFigures::lagSeconds);
        Gauge.builder("yousaid.tagging.workers", worker, w -> w.get().runningWorkers())
                .description("Tagging worker threads running in this process").register(registry);
    }
}
