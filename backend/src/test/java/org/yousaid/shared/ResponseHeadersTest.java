package org.yousaid.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.ApiTest;

/**
 * The headers every response leaves with, whatever answered it: the framework's 404, a probe, an
 * over-long address refused before routing, the console's assets. (EveryOperationEdgeTest checks
 * nosniff and no-store on every operation of the contract, as every role.)
 */
@MicronautTest(transactional = false)
class ResponseHeadersTest extends ApiTest {

    @Test
    void everyResponseSaysNoSniffAndNoStore() throws Exception {
        for (String path : new String[] {"/no-such-path", "/health/liveness", "/health/readiness",
                "/v1/areas/x?q=" + "a".repeat(10_000)}) {
            HttpResponse<String> reply = get(server.getURI().resolve(path));
            assertThat(reply.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(reply.headers().firstValue("Cache-Control")).as(path).contains("no-store");
            // Reached on loopback: no Strict-Transport-Security (see the next test).
            assertThat(reply.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
    }

    @Test
    void theConsolesAssetsMayBeKeptButAreAskedAfterEachTime() throws Exception {
        HttpResponse<String> css = get(server.getURI().resolve("/console/assets/console.css"));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(css.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void offLoopbackEveryResponseAsksForHttps() throws Exception {
        Optional<InetAddress> outward = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        assumeTrue(outward.isPresent(), "this machine has no address but loopback");
        URI uri = URI.create("http://" + outward.get().getHostAddress() + ":" + server.getPort() + "/health/liveness");
        HttpResponse<String> reply = get(uri);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Strict-Transport-Security")).contains(HttpHeadEdge.HSTS);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
