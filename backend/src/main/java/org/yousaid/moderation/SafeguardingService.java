package org.yousaid.moderation;

import org.yousaid.content.ContentRef;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.area.AreaAccess;
import org.yousaid.area.AreaSettingsService;
import org.yousaid.area.SafeguardingContact;
import org.yousaid.content.ContentType;
import org.yousaid.notify.Notifications;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.shared.AuditLog;
import org.yousaid.shared.Cursor;
import org.yousaid.shared.Cursors;
import org.yousaid.shared.FamilyText;
import org.yousaid.shared.Page;
import org.yousaid.shared.ProblemException;
import org.yousaid.tagging.ContentFlagged;

/**
 * Every text tagging flags, from any feature and in any review state, becomes a case a forum lead
 * must see and close with a note. Cases are opened in the transaction that stores the flag, so a
 * flag is never stored without its case.
 */
@Singleton
public class SafeguardingService {

    private static final Logger LOG = LoggerFactory.getLogger(SafeguardingService.class);
    static final int MAX_NOTE = 2000;

    private final AreaAccess access;
    private final SafeguardingCaseRepository cases;
    private final ReviewViews views;
    private final AuditLog audit;
    private final Clock clock;
    private final Cursors cursors;
    private final AreaSettingsService settings;
    private final Notifications notifications;
    private final ApplicationEventPublisher<SafeguardingCaseOpened> opened;

    SafeguardingService(AreaAccess access, SafeguardingCaseRepository cases, ReviewViews views, AuditLog audit,
                        Clock clock, Cursors cursors, AreaSettingsService settings, Notifications notifications,
                        ApplicationEventPublisher<SafeguardingCaseOpened> opened) {
        this.access = access;
        this.opened = opened;
        this.settings = settings;
        this.notifications = notifications;
        this.cursors = cursors;
        this.cases = cases;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens the case, and tells every forum lead of the area at once through the push outbox (in the
     * same transaction): no text and nothing about the family in the push, only that a case waits.
     * {@link SafeguardingCaseOpened} is published in the same transaction for the alerts that need no
     * phone (the console page, email).
     */
    @EventListener
    void onFlagged(ContentFlagged event) {
        int criticality = criticality(event.reasons());
        ContentRef ref = event.ref();
        if (cases.openIfAbsent(ref.areaId(), ref.type(), ref.id(), event.flaggedAt(),
                event.modelVersion(), criticality) == 1) {
            LOG.warn("safeguarding.case_opened area={} {}={}", ref.areaId(), ref.type().value(), ref.id());
            opened.publishEvent(new SafeguardingCaseOpened(ref, criticality, event.flaggedAt()));
            Map<String, String> data = Map.of("kind", "safeguarding_case", "areaId", ref.areaId(),
                    "contentType", ref.type().value(), "contentId", ref.id().toString());
            List<String> leads = access.forumLeads(ref.areaId());
            for (String lead : leads) {
                notifications.push(ref.areaId(), lead, "A safeguarding concern needs you",
                        "Something a family wrote may show a risk. Open the safeguarding queue.", data);
            }
            if (leads.isEmpty()) {
                // Every flag reaches a person: with no forum lead to read it, the area admins are told
                // to name one (the case waits for them).
                LOG.warn("safeguarding.no_forum_lead area={}", ref.areaId());
                for (String admin : access.areaAdmins(ref.areaId())) {
                    notifications.push(ref.areaId(), admin, "A safeguarding concern has nobody to read it",
                            "Your area has no forum lead. Make someone a forum lead now so the safeguarding queue is read.", data);
                }
            }
        }
    }

    /** A first criticality from what was found; a forum lead sets the real one. */
    static int criticality(List<String> reasons) {
        if (reasons.stream().anyMatch(r -> r.equals("self_harm_or_suicide") || r.equals("abuse") || r.equals("violence"))) {
            return 4;
        }
        return reasons.stream().anyMatch(r -> !r.equals("classifier")) ? 3 : 2;
    }

    /** Cases of one status ("open" is new and escalated), oldest flag first, each with its text and analysis. */
    @Transactional
    public Page<SafeguardingCaseView> queue(Caller caller, String areaId, String status, @Nullable String cursor, int limit) {
        access.require(caller, areaId, Role.FORUM_LEAD);
        Cursors.Listing listing = cursors.listing(caller.uid(), "safeguarding", areaId, status);
        Cursor after = listing.after(cursor);
        List<String> statuses = "open".equals(status) ? List.of(SafeguardingCase.NEW, SafeguardingCase.ESCALATED) : List.of(status);
        List<SafeguardingCase> rows = cases.queue(areaId, statuses, after == null ? java.time.Instant.EPOCH : after.at(),
                after == null ? new UUID(0, 0) : after.id(), limit + 1);
        Page<SafeguardingCase> page = listing.page(rows, limit, SafeguardingCase::position, Function.identity());
        Map<ContentType, Map<UUID, ReviewItem>> items = new HashMap<>();
        page.items().stream().collect(Collectors.groupingBy(SafeguardingCase::contentType,
                        Collectors.mapping(SafeguardingCase::contentId, Collectors.toList())))
                .forEach((type, ids) -> items.put(type, views.viewsOf(areaId, type, ids)));
        return new Page<>(page.items().stream()
                .map(c -> SafeguardingCaseView.of(c, items.getOrDefault(c.contentType(), Map.of()).get(c.contentId())))
                .toList(), page.nextCursor());
    }

    /** One case, in whatever status, with its text and analysis: the area's forum leads only. */
    @Transactional
    public SafeguardingCaseView caseView(Caller caller, String areaId, ContentType contentType, UUID contentId) {
        access.require(caller, areaId, Role.FORUM_LEAD);
        cases.find(areaId, contentType, contentId).orElseThrow(SafeguardingService::noCase);
        return view(areaId, contentType, contentId);
    }

    /** A forum lead closes a case, saying what they did; handling again changes nothing. */
    @Transactional
    public SafeguardingCaseView handle(Caller caller, String areaId, ContentType contentType, UUID contentId, @Nullable String note) {
        CurrentUser lead = access.require(caller, areaId, Role.FORUM_LEAD);
        String checked = checkNote(note);
        SafeguardingCase current = cases.findForUpdate(areaId, contentType, contentId).orElseThrow(SafeguardingService::noCase);
        if (current.isOpen()) {
            close(lead, current, checked);
        }
        SafeguardingCase after = cases.find(areaId, contentType, contentId).orElseThrow();
        return SafeguardingCaseView.of(after, views.viewOf(areaId, contentType, contentId).orElse(null));
    }

    /**
     * Passes a new case to the area's named safeguarding contact, saying when, who and why; the
     * contact is kept in the area's settings (409 when the area has named none).
     */
    @Transactional
    public SafeguardingCaseView escalate(Caller caller, String areaId, ContentType contentType, UUID contentId, @Nullable String note) {
        CurrentUser lead = access.require(caller, areaId, Role.FORUM_LEAD);
        String checked = checkNote(note);
        SafeguardingCase current = cases.findForUpdate(areaId, contentType, contentId).orElseThrow(SafeguardingService::noCase);
        if (SafeguardingCase.NEW.equals(current.status())) {
            SafeguardingContact contact = settings.safeguardingContact(areaId).orElseThrow(() -> new ProblemException(
                    ModerationProblem.NO_SAFEGUARDING_CONTACT,
                    "This area has not named its safeguarding contact; an area admin sets it in the area's settings."));
            String to = contact.name() + " (" + contact.role() + ")";
            cases.escalate(areaId, contentType, contentId, now(), lead.uid(), to, checked);
            audit.record(areaId, lead.uid(), "safeguarding.escalate", contentType.value(), contentId.toString(),
                    Map.of("before", current.status(), "after", SafeguardingCase.ESCALATED));
        } else if (SafeguardingCase.HANDLED.equals(current.status())) {
            throw new ProblemException(ModerationProblem.ALREADY_DECIDED, "This case is already handled.");
        }
        return view(areaId, contentType, contentId);
    }

    @Transactional
    public SafeguardingCaseView setCriticality(Caller caller, String areaId, ContentType contentType, UUID contentId,
                                        @Nullable Integer criticality) {
        CurrentUser lead = access.require(caller, areaId, Role.FORUM_LEAD);
        if (criticality == null || criticality < 0 || criticality > 5) {
            throw new ProblemException(ModerationProblem.CRITICALITY_INVALID,
                    "Criticality runs from 0 (no concern) to 5 (immediate risk).", Map.of("criticality", "0 to 5"));
        }
        SafeguardingCase current = cases.findForUpdate(areaId, contentType, contentId).orElseThrow(SafeguardingService::noCase);
        cases.setCriticality(areaId, contentType, contentId, criticality);
        audit.record(areaId, lead.uid(), "safeguarding.criticality", contentType.value(), contentId.toString(),
                Map.of("before", Integer.toString(current.criticality()), "after", Integer.toString(criticality)));
        return view(areaId, contentType, contentId);
    }

    private SafeguardingCaseView view(String areaId, ContentType contentType, UUID contentId) {
        return SafeguardingCaseView.of(cases.find(areaId, contentType, contentId).orElseThrow(),
                views.viewOf(areaId, contentType, contentId).orElse(null));
    }

    /** Which of these texts raised a concern (whatever became of it): their authors are signposted. */
    java.util.Set<UUID> raisedConcern(String areaId, ContentType contentType, java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(cases.withCases(areaId, contentType, ids));
    }

    Optional<SafeguardingCase> caseOf(String areaId, ContentType contentType, UUID contentId) {
        return cases.findForUpdate(areaId, contentType, contentId);
    }

    private void close(CurrentUser lead, SafeguardingCase open, String note) {
        cases.handle(open.areaId(), open.contentType(), open.contentId(), now(), lead.uid(), note);
        audit.record(open.areaId(), lead.uid(), "safeguarding.handle", open.contentType().value(), open.contentId().toString(),
                Map.of("before", open.status(), "after", SafeguardingCase.HANDLED));
        LOG.info("safeguarding.handle area={} {}={}", open.areaId(), open.contentType(), open.contentId());
    }

    static String checkNote(@Nullable String note) {
        return FamilyText.accepted(note, MAX_NOTE).orElseThrow(() -> new ProblemException(ModerationProblem.NOTE_INVALID,
                "Say what you did in 1 to " + MAX_NOTE + " characters, without control characters.",
                Map.of("note", "1 to " + MAX_NOTE + " characters")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ProblemException noCase() {
        return new ProblemException(ModerationProblem.CASE_NOT_FOUND, "There is no safeguarding case for this content.");
    }
}
