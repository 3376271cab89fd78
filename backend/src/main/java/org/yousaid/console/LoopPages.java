package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.StaffSessions;
import org.yousaid.response.ResponseService;
import org.yousaid.shared.ProblemException;

/**
 * Is the loop closed? A quarter's figures as the API's {@code GET …/loop-metrics} gives them: how
 * much (words, families, families told), how well (themes answered, time to answer, actions on time)
 * and whether anyone is better off (the indicators' trends), with small numbers withheld.
 */
@Controller("/console/areas/{areaId}/loop")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class LoopPages {

    static final int QUARTERS_OFFERED = 8;
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final StaffSessions sessions;
    private final ResponseService responses;
    private final AreaAccess access;
    private final Clock clock;

    LoopPages(StaffSessions sessions, ResponseService responses, AreaAccess access, Clock clock) {
        this.sessions = sessions;
        this.responses = responses;
        this.access = access;
        this.clock = clock;
    }

    @Get
    MutableHttpResponse<?> loop(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String quarter) {
        return Pages.forSignedIn(sessions, request, "You cannot see these figures", caller -> {
            LocalDate today = LocalDate.now(clock.withZone(ENGLAND));
            String chosen = quarter == null || quarter.isBlank() ? Figures.quarterOf(today) : quarter.trim();
            Map<String, Object> model = new HashMap<>();
            model.put("quarters", quarterChoices(today, chosen));
            model.put("chosen", chosen);
            try {
                model.put("loop", LoopView.of(responses.loopMetrics(caller, areaId, chosen)));
                return Pages.areaPage(HttpStatus.OK, "console/loop", request, access, caller, areaId, model);
            } catch (ProblemException e) {
                if (e.problem().status() != HttpStatus.BAD_REQUEST) {
                    throw e;
                }
                model.put("loop", null);
                model.put("errors", List.of(new Pages.FieldError("quarter", e.getMessage())));
                return Pages.areaPage(HttpStatus.BAD_REQUEST, "console/loop", request, access, caller, areaId, model);
            }
        });
    }

    /** The quarters offered, newest first; one asked for by address is kept so the page says what was asked. */
    static List<ResponsePages.Option> quarterChoices(LocalDate today, String chosen) {
        List<ResponsePages.Option> options = new java.util.ArrayList<>(Figures.recentQuarters(today, QUARTERS_OFFERED).stream()
                .map(q -> new ResponsePages.Option(q, Figures.quarterName(q) + " (" + q + ")", q.equals(chosen))).toList());
        if (options.stream().noneMatch(ResponsePages.Option::selected) && chosen.matches("[0-9]{4}-Q[1-4]")) {
            options.add(0, new ResponsePages.Option(chosen, chosen, true));
        }
        return options;
    }
}
