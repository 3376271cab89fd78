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
import java.util.List;
import java.util.Map;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.StaffSessions;
import org.yousaid.moderation.SafeguardingCaseView;
import org.yousaid.moderation.SafeguardingService;

/**
 * The safeguarding queue a forum lead opens first: every open case (new or escalated), oldest flag
 * first, with the family's words and why tagging raised it. The same service and rules as the
 * API's {@code GET …/moderation/safeguarding}: the area's forum leads only.
 */
@Controller("/console/areas/{areaId}/safeguarding")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class SafeguardingPages {

    static final int PAGE = 50;

    /** One open case as a forum lead reads it. */
    record Row(String flagged, String criticality, String status, String words, String why, String href) {
    }

    private final StaffSessions sessions;
    private final SafeguardingService safeguarding;
    private final AreaAccess access;

    SafeguardingPages(StaffSessions sessions, SafeguardingService safeguarding, AreaAccess access) {
        this.sessions = sessions;
        this.safeguarding = safeguarding;
        this.access = access;
    }

    @Get
    MutableHttpResponse<?> open(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String done) {
        return Pages.forSignedIn(sessions, request, "You cannot see this queue", caller -> {
            List<SafeguardingCaseView> cases = safeguarding.queue(caller, areaId, "open", null, PAGE).items();
            return Pages.areaPage(HttpStatus.OK, "console/safeguarding", request, access, caller, areaId, Map.of(
                    "rows", cases.stream().map(c -> row(areaId, c)).toList(), "more", cases.size() == PAGE,
                    "done", "handled".equals(done) ? "The case is marked handled and closed." : ""));
        });
    }

    private static Row row(String areaId, SafeguardingCaseView c) {
        String words = c.content() == null ? "(withdrawn by its author)"
                : c.content().body() == null ? ReviewItemView.wordsGone(c.content().status()) : c.content().body();
        String why = c.content() == null || c.content().analysis() == null || c.content().analysis().tags() == null ? "Flagged by tagging"
                : String.join("; ", c.content().analysis().tags().safeguarding().reasons().stream()
                        .map(r -> r.reason().replace('_', ' ') + ": \u201c" + r.evidence() + "\u201d").toList());
        String status = "escalated".equals(c.status()) ? "Escalated to " + (c.escalatedTo() == null ? "the safeguarding contact" : c.escalatedTo())
                : "New: nobody has acted yet";
        return new Row(ReviewQueuePages.WHEN.format(c.flaggedAt()), c.criticality() + " of 5", status, words,
                why.isBlank() ? "Flagged by tagging" : why, "/console/areas/" + areaId + "/safeguarding/" + c.contentType() + "/" + c.contentId());
    }
}
