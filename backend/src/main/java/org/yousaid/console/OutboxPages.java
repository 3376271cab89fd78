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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Role;
import org.yousaid.identity.StaffSessions;
import org.yousaid.notify.NotifyService;
import org.yousaid.notify.NotifyViews;
import org.yousaid.shared.Page;

/**
 * The push outbox log for the area admin: what was sent to phones, to how many devices, and what
 * failed and why, newest first. The same service as the API's {@code GET …/notifications/outbox}.
 * The log has one row per device; rows queued together (same moment, same title, same kind) are
 * shown as one push. Who received it and the device are not shown: the admin needs to know whether
 * pushes work, not who was told what.
 */
@Controller("/console/areas/{areaId}/outbox")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class OutboxPages {

    static final int PAGE = 100;
    static final String REFUSED = "You cannot see this area's push outbox";

    /** One push as the admin reads it. */
    record Push(String queued, String title, String kind, int devices, List<String> results, List<String> problems) {
    }

    private static final Map<String, String> KINDS = Map.of(
            "survey_invitation", "Survey invitation",
            "safeguarding_case", "Safeguarding alert to staff",
            "response", "\u201cYou said, we did\u201d news");

    private static final Map<String, String> STATES = Map.of(
            "pending", "waiting to send",
            "sending", "sending",
            "sent", "sent",
            "failed", "failed",
            "dropped", "phone no longer registered");

    /** FCM's error codes, as the gateway records them, in words an admin can act on. */
    private static final Map<String, String> REASONS = Map.of(
            "UNREGISTERED", "The app was removed from the phone, or its registration expired",
            "SENDER_ID_MISMATCH", "The phone registered with another Firebase project",
            "INVALID_ARGUMENT", "The phone\u2019s registration was not valid",
            "UNAVAILABLE", "Firebase Cloud Messaging was unavailable",
            "INTERNAL", "Firebase Cloud Messaging had an internal error",
            "QUOTA_EXCEEDED", "Too many pushes were sent at once",
            "THIRD_PARTY_AUTH_ERROR", "Apple\u2019s or the browser\u2019s push service refused the project\u2019s credentials");

    private final StaffSessions sessions;
    private final NotifyService notify;
    private final AreaAccess access;

    OutboxPages(StaffSessions sessions, NotifyService notify, AreaAccess access) {
        this.sessions = sessions;
        this.notify = notify;
        this.access = access;
    }

    @Get
    MutableHttpResponse<?> log(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String cursor) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> {
            // Commissioners read the log through the API; in the console it is the admin's page.
            access.require(caller, areaId, Role.AREA_ADMIN);
            Page<NotifyViews.OutboxEntry> page = notify.log(caller, areaId, cursor, PAGE);
            Map<String, Object> model = new HashMap<>();
            model.put("pushes", pushes(page.items()));
            model.put("rows", page.items().size());
            model.put("first", cursor == null);
            model.put("newest", "/console/areas/" + areaId + "/outbox");
            model.put("older", page.nextCursor() == null ? null
                    : "/console/areas/" + areaId + "/outbox?cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8));
            return Pages.areaPage(HttpStatus.OK, "console/outbox", request, access, caller, areaId, model);
        });
    }

    static List<Push> pushes(List<NotifyViews.OutboxEntry> entries) {
        List<Push> pushes = new ArrayList<>();
        List<NotifyViews.OutboxEntry> group = new ArrayList<>();
        for (NotifyViews.OutboxEntry e : entries) {
            if (!group.isEmpty() && !samePush(group.getFirst(), e)) {
                pushes.add(push(group));
                group = new ArrayList<>();
            }
            group.add(e);
        }
        if (!group.isEmpty()) {
            pushes.add(push(group));
        }
        return pushes;
    }

    private static boolean samePush(NotifyViews.OutboxEntry a, NotifyViews.OutboxEntry b) {
        return a.createdAt().equals(b.createdAt()) && a.title().equals(b.title()) && Objects.equals(kind(a), kind(b));
    }

    private static Push push(List<NotifyViews.OutboxEntry> group) {
        NotifyViews.OutboxEntry first = group.getFirst();
        Map<String, Integer> byState = new LinkedHashMap<>();
        for (String state : List.of("sent", "pending", "sending", "failed", "dropped")) {
            int n = (int) group.stream().filter(e -> state.equals(e.state())).count();
            if (n > 0) {
                byState.put(state, n);
            }
        }
        List<String> results = byState.entrySet().stream()
                .map(s -> s.getValue() + " " + STATES.getOrDefault(s.getKey(), s.getKey())).toList();
        Set<String> problems = new LinkedHashSet<>();
        for (NotifyViews.OutboxEntry e : group) {
            if (e.lastError() != null && !"sent".equals(e.state())) {
                String words = REASONS.getOrDefault(e.lastError(), e.lastError());
                problems.add("pending".equals(e.state()) ? words + " (tried " + e.attempts() + (e.attempts() == 1 ? " time" : " times")
                        + ", will try again)" : words);
            }
        }
        String kind = kind(first);
        return new Push(ReviewQueuePages.WHEN.format(first.createdAt()), first.title(),
                kind == null ? "Other" : KINDS.getOrDefault(kind, kind.replace('_', ' ')), group.size(), results, List.copyOf(problems));
    }

    private static @Nullable String kind(NotifyViews.OutboxEntry e) {
        return e.data() == null ? null : e.data().get("kind");
    }
}
