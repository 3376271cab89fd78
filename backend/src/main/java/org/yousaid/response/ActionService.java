package org.yousaid.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.response.ResponseViews.ActionProgressRequest;
import org.yousaid.response.ResponseViews.ActionRequest;
import org.yousaid.response.ResponseViews.ActionView;
import org.yousaid.response.ResponseViews.AddedActionView;
import org.yousaid.shared.AuditLog;
import org.yousaid.shared.FamilyText;
import org.yousaid.shared.ProblemException;

/**
 * "We did / we will": a response's actions, each owned by an organisation with start and due dates,
 * moved on through milestones. Once the response is published, every change is told to everyone it
 * reached, once per change.
 */
@Singleton
public class ActionService {

    static final Set<String> OWNERS = Set.of("council", "nhs", "school", "forum", "other");
    static final Set<String> STATUSES = Set.of("planned", "in_progress", "done", "not_possible");

    private final AreaAccess access;
    private final ResponseRepository responses;
    private final ActionRepository actions;
    private final ResponseAssembler assembler;
    private final LoopService loop;
    private final AuditLog audit;
    private final Clock clock;

    ActionService(AreaAccess access, ResponseRepository responses, ActionRepository actions, ResponseAssembler assembler,
                  LoopService loop, AuditLog audit, Clock clock) {
        this.access = access;
        this.responses = responses;
        this.actions = actions;
        this.assembler = assembler;
        this.loop = loop;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a planned action; a response awaiting sign-off or signed off goes back to draft, and the answer says so. */
    @Transactional
    public AddedActionView add(Caller caller, String areaId, UUID responseId, ActionRequest request) {
        CurrentUser commissioner = access.require(caller, areaId, Role.COMMISSIONER);
        ResponseRow response = responses.lock(areaId, responseId).orElseThrow(() -> ResponseService.notFound(responseId));
        String text = ResponseService.text(request.text(), "text", 500);
        if (request.owner() == null || !OWNERS.contains(request.owner())) {
            throw ResponseService.invalid("Say who owns the action: council, nhs, school, forum or other.", "owner");
        }
        if (request.startsOn() == null || request.dueOn() == null || request.dueOn().isBefore(request.startsOn())
                || request.startsOn().isBefore(ResponseService.EARLIEST) || request.dueOn().getYear() > 2100) {
            throw ResponseService.invalid("Give the start and due dates, the due date on or after the start.", "dueOn");
        }
        UUID id = UUID.randomUUID();
        Instant now = now();
        actions.add(areaId, id, responseId, text, request.owner(), request.startsOn(), request.dueOn(), now);
        actions.milestone(areaId, id, "planned", 0, null, null, commissioner.uid(), now);
        ReturnToDraft step = ReturnToDraft.afterChangeTo(response.status());
        responses.step(areaId, responseId, step.to());
        audit.record(areaId, commissioner.uid(), "response.add_action", null, null,
                Map.of("response", responseId.toString(), "action", id.toString(), "status", step.to()));
        return AddedActionView.of(view(areaId, responseId, id), step);
    }

    /** A new status and progress; a request that changes nothing adds no milestone and tells no one. */
    @Transactional
    public ActionView progress(Caller caller, String areaId, UUID responseId, UUID actionId, ActionProgressRequest request) {
        CurrentUser commissioner = access.require(caller, areaId, Role.COMMISSIONER);
        ResponseRow response = responses.lock(areaId, responseId).orElseThrow(() -> ResponseService.notFound(responseId));
        ActionRow action = actions.lock(areaId, responseId, actionId).orElseThrow(() ->
                new ProblemException(ResponseProblem.ACTION_NOT_FOUND, "The response has no action " + actionId + "."));
        if (request.status() == null || !STATUSES.contains(request.status())) {
            throw ResponseService.invalid("Give the status: planned, in_progress, done or not_possible.", "status");
        }
        if (request.progress() == null || request.progress() < 0 || request.progress() > 100) {
            throw ResponseService.invalid("Give progress as a whole per cent, 0 to 100.", "progress");
        }
        String status = request.status();
        int progress = "done".equals(status) ? 100 : request.progress();
        String reason = null;
        if ("not_possible".equals(status)) {
            reason = FamilyText.accepted(request.reason(), 500).orElseThrow(() ->
                    ResponseService.invalid("Say why the action is not possible (reason): families are owed the reason.", "reason"));
        }
        String note = request.note() == null || FamilyText.isBlank(request.note()) ? null
                : ResponseService.text(request.note(), "note", 500);
        if (status.equals(action.status()) && progress == action.progress() && Objects.equals(reason, action.reason())) {
            return view(areaId, responseId, actionId);
        }
        Instant now = now();
        actions.move(areaId, actionId, status, progress, reason, now);
        int milestone = actions.milestone(areaId, actionId, status, progress, reason, note, commissioner.uid(), now);
        audit.record(areaId, commissioner.uid(), "response.action_progress", null, null, Map.of(
                "response", responseId.toString(), "action", actionId.toString(), "status", status,
                "progress", Integer.toString(progress)));
        if (response.published()) {
            loop.tell(response, "action:" + actionId + ":" + milestone, "You said, we did: an update",
                    headline(status, progress) + ": " + shortened(action.text()),
                    Map.of("kind", "response", "event", "action", "responseId", responseId.toString(),
                            "actionId", actionId.toString(), "status", status, "areaId", areaId),
                    commissioner.uid());
        }
        return view(areaId, responseId, actionId);
    }

    private ActionView view(String areaId, UUID responseId, UUID actionId) {
        List<ActionView> all = assembler.actionViews(areaId, List.of(responseId)).getOrDefault(responseId, List.of());
        return all.stream().filter(a -> a.id().equals(actionId)).findFirst().orElseThrow();
    }

    private static String headline(String status, int progress) {
        return switch (status) {
            case "done" -> "Done";
            case "in_progress" -> "Under way (" + progress + "%)";
            case "not_possible" -> "Not possible";
            default -> "Planned";
        };
    }

    private static String shortened(@Nullable String text) {
        return text == null ? "" : text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
