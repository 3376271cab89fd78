package org.yousaid.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code yousaid.metrics.*}: the management port Prometheus scrapes ({@code GET /metrics}), apart
 * from the port families and staff use, so a NetworkPolicy (or a firewall) can keep it to the
 * monitoring system. Port 0 takes a free port (tests); {@code enabled: false} opens none.
 */
@ConfigurationProperties("yousaid.metrics")
public record MetricsSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "0.0.0.0") String host,
        @Bindable(defaultValue = "9464") int port) {
}
