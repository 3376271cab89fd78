package org.yousaid.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.ApiTest;

/**
 * What Prometheus scrapes from the management port after a family posts: the request by its route
 * and status with latency buckets, the tagging queue holding the new job, the outbox, the pool, and
 * nothing of it on the API's own port.
 */
@MicronautTest(transactional = false)
class MetricsTest extends ApiTest {

    @Inject
    ManagementPort management;

    @Test
    void aScrapeShowsRequestsQueuesAndThePool() throws Exception {
        String area = fixtures.area();
        String family = fixtures.member(area, "family");
        postComment(family, area, "The wheelchair service took 20 weeks to repair a chair.");

        HttpResponse<String> scrape = get(URI.create("http://127.0.0.1:" + management.port() + "/metrics"));
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        String text = scrape.body();
        assertThat(text).containsPattern(
                "http_server_requests_seconds_bucket\\{[^}]*method=\"POST\"[^}]*status=\"201\"[^}]*uri=\"/v1/areas/\\{areaId}/comments\"");
        assertThat(text).containsPattern("yousaid_tagging_jobs\\{[^}]*state=\"due\"[^}]*} [1-9]");
        assertThat(text).contains("yousaid_tagging_lag_seconds", "yousaid_tagging_workers",
                "yousaid_push_outbox{", "yousaid_push_lag_seconds", "yousaid_push_senders", "hikaricp_connections_active",
                "jvm_memory_used_bytes");
        // Words never reach a metric: not the comment, not a uid.
        assertThat(text).doesNotContain("wheelchair", family);

        assertThat(get(server.getURI().resolve("/metrics")).statusCode()).isEqualTo(404);
        assertThat(get(server.getURI().resolve("/prometheus")).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
