package org.yousaid.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.util.Optional;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
import org.yousaid.identity.StaffSessions;
import org.yousaid.shared.ProblemException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * A forum lead's open console page hears of a new safeguarding case at once: server-sent events for
 * the area's forum leads only. The stream ends after a while and the browser opens it again, so a
 * session that was revoked or a role that was taken away stops it within minutes.
 */
@Controller("/console/areas/{areaId}/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AlertsStream {

    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final StaffSessions sessions;
    private final AreaAccess access;
    private final LiveAlerts alerts;

    AlertsStream(StaffSessions sessions, AreaAccess access, LiveAlerts alerts) {
        this.sessions = sessions;
        this.access = access;
        this.alerts = alerts;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<?>> stream(HttpRequest<?> request, @PathVariable String areaId) {
        Optional<Caller> caller = Pages.signedIn(sessions, request);
        if (caller.isEmpty()) {
            return Flux.error(new HttpStatusException(HttpStatus.UNAUTHORIZED, "Sign in again."));
        }
        try {
            access.require(caller.get(), areaId, Role.FORUM_LEAD);
        } catch (ProblemException e) {
            return Flux.error(new HttpStatusException(e.problem().status(),
                    "Only this area's forum leads hear of its safeguarding cases."));
        }
        Flux<Event<?>> cases = alerts.of(areaId).map(alert -> Event.of(alert).name("safeguarding-case"));
        // An event now and then keeps proxies from closing a quiet stream.
        Flux<Event<?>> heartbeat = Flux.interval(LiveAlerts.HEARTBEAT).map(i -> Event.of("").name("heartbeat"));
        // Said once the page is listening (merge subscribes in order), with how soon to come back after the stream ends.
        Flux<Event<?>> listening = Flux.just(Event.of("").name("listening").retry(Duration.ofSeconds(5)));
        return Flux.merge(cases, listening, heartbeat).take(LIFETIME);
    }
}
