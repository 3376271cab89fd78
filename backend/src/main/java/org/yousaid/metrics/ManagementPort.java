package org.yousaid.metrics;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /metrics} (Prometheus text format) on its own port, outside the Micronaut
 * server: a scrape never queues behind families' requests, never passes the API's filters, and is
 * not reachable where only the API port is exposed.
 */
@Singleton
public final class ManagementPort {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementPort.class);
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final MetricsSettings settings;
    private final PrometheusMeterRegistry registry;
    private HttpServer server;

    ManagementPort(MetricsSettings settings, PrometheusMeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) {
        if (!settings.enabled() || server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("The management port " + settings.port() + " cannot be opened", e);
        }
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "management-port");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/metrics", exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", TEXT_FORMAT);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        LOG.info("metrics.port listening={}", server.getAddress().getPort());
    }

    @EventListener
    synchronized void onShutdown(ShutdownEvent event) {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** The port it listens on (a free one when configured as 0); -1 when closed. */
    public synchronized int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }
}
