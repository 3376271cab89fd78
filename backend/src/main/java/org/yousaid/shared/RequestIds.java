package org.yousaid.shared;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id, carried by its log lines (the MDC's {@code request_id}, on whatever
 * thread the request runs) and returned in {@code X-Request-Id}: a caller's own id when it sent a
 * usable one (so a proxy's or an app's id joins up), else a new one. An app can show it when
 * something went wrong, and support can find the request's lines without anyone quoting a family's words.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestIds implements Ordered {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request_id";
    private static final String ATTRIBUTE = "yousaid.request-id";
    /** What a log line may safely carry: no spaces, quotes, control characters or anything long. */
    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public int getOrder() {
        // First, so even the edge's refusals are logged under the id the caller is given.
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    void name(HttpRequest<?> request, MutablePropagatedContext context) {
        String sent = request.getHeaders().get(HEADER);
        String id = sent != null && USABLE.matcher(sent).matches() ? sent : newId();
        request.setAttribute(ATTRIBUTE, id);
        context.add(new MdcPropagationContext(Map.of(MDC_KEY, id)));
    }

    @ResponseFilter
    void tell(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.getHeaders().set(HEADER, id));
    }

    /** 16 hex digits: unique enough to find one request in a day's logs, cheap on the hot path. */
    private static String newId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }
}
