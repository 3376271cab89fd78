package org.yousaid.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;

/** Every response says its request's id, and the request's log lines carry the same one. */
@MicronautTest(transactional = false)
class RequestIdsTest extends ApiTest {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger comments = (Logger) LoggerFactory.getLogger("org.yousaid.wall.CommentService");

    private ch.qos.logback.classic.Level was;

    @BeforeEach
    void listen() {
        // The tests' logging is quiet; these lines are what is looked at.
        was = comments.getLevel();
        comments.setLevel(ch.qos.logback.classic.Level.INFO);
        lines.start();
        comments.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        comments.detachAppender(lines);
        comments.setLevel(was);
    }

    @Test
    void aCallersOwnIdIsKeptAndCarriedByTheRequestsLogLines() {
        String area = fixtures.area();
        String family = fixtures.member(area, "family");
        Reply posted = as(family).header("X-Request-Id", "app-7f3a.retry_2").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + area + "/comments", json("body", "The short breaks service has closed."));
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.headers().firstValue("X-Request-Id")).hasValue("app-7f3a.retry_2");
        assertThat(linesOf("comment.submit")).extracting(e -> e.getMDCPropertyMap().get("request_id"))
                .containsExactly("app-7f3a.retry_2");
    }

    @Test
    void withoutAUsableIdTheServerMakesOneAndEachRequestHasItsOwn() {
        String area = fixtures.area();
        String family = fixtures.member(area, "family");
        Reply first = as(family).header("X-Request-Id", "has a space and \"quotes\"").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + area + "/comments", json("body", "Nobody answered the phone for three weeks."));
        Reply second = as(family).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + area + "/comments", json("body", "The wheelchair came after forty weeks."));
        String firstId = first.headers().firstValue("X-Request-Id").orElseThrow();
        String secondId = second.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(firstId).matches("[0-9a-f]{16}");
        assertThat(secondId).matches("[0-9a-f]{16}").isNotEqualTo(firstId);
        assertThat(linesOf("comment.submit")).extracting(e -> e.getMDCPropertyMap().get("request_id"))
                .containsExactly(firstId, secondId);
    }

    @Test
    void refusalsAndProbesCarryAnIdToo() {
        Reply refused = api().get("/v1/areas/nowhere/comments");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(api().get("/health/liveness").headers().firstValue("X-Request-Id")).isPresent();
    }

    private List<ILoggingEvent> linesOf(String event) {
        return lines.list.stream().filter(e -> e.getFormattedMessage().startsWith(event)).toList();
    }
}
