package org.yousaid.notify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.yousaid.metrics.CachedFigures;

/**
 * What an operator watches of the push outbox: messages due, waiting for a retry and being sent,
 * how long the oldest due one has waited, and the senders running here. What became of each push
 * is counted by {@link OutboxSender} ({@code yousaid_push_deliveries_total} by outcome).
 */
@Singleton
final class OutboxMetrics implements MeterBinder {

    private final CachedFigures<Outbox.OutboxFigures> figures;
    private final BeanProvider<OutboxSender> sender;

    // Providers, read at scrape time: the registry is made while the data source is (its pool is
    // measured), so a binder that needed the database's beans to be made would go round in a circle.
    OutboxMetrics(BeanProvider<Outbox> outbox, BeanProvider<OutboxSender> sender) {
        this.figures = new CachedFigures<>(() -> outbox.get().figures(), Duration.ofSeconds(5));
        this.sender = sender;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        String byState = "Push outbox messages by state";
        figures.gauge(registry, "yousaid.push.outbox", byState, Outbox.OutboxFigures::due, "state", "due");
        figures.gauge(registry, "yousaid.push.outbox", byState, Outbox.OutboxFigures::waiting, "state", "waiting");
        figures.gauge(registry, "yousaid.push.outbox", byState, Outbox.OutboxFigures::sending, "state", "sending");
        figures.gauge(registry, "yousaid.push.lag.seconds", "How long the oldest due push has waited, in seconds",
                Outbox.OutboxFigures::lagSeconds);
        Gauge.builder("yousaid.push.senders", sender, s -> s.get().runningSenders())
                .description("Push sender threads running in this process").register(registry);
    }
}
