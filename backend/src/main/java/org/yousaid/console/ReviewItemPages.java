package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.area.AreaAccess;
import org.yousaid.content.ContentType;
import org.yousaid.identity.Caller;
import org.yousaid.identity.StaffSessions;
import org.yousaid.moderation.ModerationProblem;
import org.yousaid.moderation.ReviewItem;
import org.yousaid.moderation.ReviewRequests;
import org.yousaid.moderation.ReviewService;
import org.yousaid.moderation.TaxonomyService;
import org.yousaid.shared.ProblemException;

/**
 * One item of the review queue at the forum lead's desk: the words with tagging's proposals marked
 * where they are, the claim, and the decisions (publish with the redactions and themes chosen,
 * reject, or ask the family for changes). Every action is the API's, through the same
 * {@link ReviewService}, so its rules and refusals (a claim held by another lead, a changed version,
 * an analysis not finished) are the API's, shown as errors on the form.
 */
@Controller("/console/areas/{areaId}/queue/{contentType}/{contentId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class ReviewItemPages {

    private static final String REFUSED = "You cannot review this";

    private final StaffSessions sessions;
    private final ReviewService reviews;
    private final TaxonomyService taxonomy;
    private final AreaAccess access;
    private final Clock clock;

    ReviewItemPages(StaffSessions sessions, ReviewService reviews, TaxonomyService taxonomy, AreaAccess access, Clock clock) {
        this.sessions = sessions;
        this.reviews = reviews;
        this.taxonomy = taxonomy;
        this.access = access;
        this.clock = clock;
    }

    /** The content an item page is about, from its path. */
    private record Ref(ContentType type, UUID id) {
    }

    @Get
    MutableHttpResponse<?> item(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String contentType,
                                @PathVariable String contentId, @Nullable @QueryValue String done) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> {
            Ref ref = ref(contentType, contentId);
            ReviewItem item = reviews.item(caller, areaId, ref.type(), ref.id());
            Map<String, Object> model = model(caller, areaId, item, ReviewChoices.initial(item), List.of());
            model.put("done", "claimed".equals(done) ? "You have claimed it for " + ReviewService.CLAIM.toMinutes()
                    + " minutes: no other forum lead can act on it meanwhile."
                    : "released".equals(done) ? "You have released it: any forum lead can act on it now." : null);
            return Pages.areaPage(HttpStatus.OK, "console/review-item", request, access, caller, areaId, model);
        });
    }

    @Post("/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> claim(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String contentType,
                                 @PathVariable String contentId, @Nullable String csrf, @Nullable String version) {
        return holding(request, areaId, contentType, contentId, csrf, "claimed",
                (caller, ref) -> reviews.claim(caller, areaId, ref.type(), ref.id(), number(version)));
    }

    @Post("/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> release(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String contentType,
                                   @PathVariable String contentId, @Nullable String csrf, @Nullable String version) {
        return holding(request, areaId, contentType, contentId, csrf, "released",
                (caller, ref) -> reviews.release(caller, areaId, ref.type(), ref.id(), number(version)));
    }

    /** Claiming or releasing an item: back to its page saying so, or the page again with the service's refusal. */
    private MutableHttpResponse<?> holding(HttpRequest<?> request, String areaId, String contentType, String contentId,
                                           @Nullable String csrf, String done,
                                           java.util.function.BiConsumer<Caller, Ref> change) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            Ref ref = ref(contentType, contentId);
            ReviewItem item = reviews.item(caller, areaId, ref.type(), ref.id());
            try {
                change.accept(caller, ref);
                return Pages.seeOther(path(areaId, item) + "?done=" + done);
            } catch (ProblemException e) {
                return refusedAction(request, caller, areaId, ref, e, ReviewChoices.initial(item));
            }
        });
    }

    /**
     * The decision form: {@code action=preview} shows the page again with what would be published;
     * {@code action=publish} corrects the themes first when they were changed (the API's correction,
     * at the version shown), then publishes with the proposals kept and the words added.
     */
    @Post("/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> publish(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String contentType,
                                   @PathVariable String contentId, @Nullable String csrf, @Nullable String version,
                                   @Nullable String action, @Nullable List<String> keep, @Nullable List<String> extra,
                                   @Nullable List<String> extraKind, @Nullable List<String> theme, @Nullable String addTheme,
                                   @Nullable String safeguardingReviewed) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            Ref ref = ref(contentType, contentId);
            ReviewItem item = reviews.item(caller, areaId, ref.type(), ref.id());
            ReviewChoices choices = ReviewChoices.sent(keep, extra, extraKind, theme, addTheme, safeguardingReviewed);
            ReviewChoices.Found found = choices.spansIn(item.body() == null ? "" : item.body());
            if (!found.errors().isEmpty()) {
                return show(HttpStatus.BAD_REQUEST, request, caller, areaId, item, choices, found.errors());
            }
            if (!"publish".equals(action)) {
                return show(HttpStatus.OK, request, caller, areaId, item, choices, List.of());
            }
            try {
                Integer at = number(version);
                if (choices.changesThemesOf(item)) {
                    at = reviews.correctThemes(caller, areaId, ref.type(), ref.id(), new ReviewRequests.Themes(at, choices.themes())).version();
                }
                reviews.publish(caller, areaId, ref.type(), ref.id(), new ReviewRequests.Publish(at, null, choices.keep(),
                        found.spans(), choices.safeguardingReviewed()));
                return Pages.seeOther("/console/areas/" + areaId + "/queue?done=published");
            } catch (ProblemException e) {
                return refusedAction(request, caller, areaId, ref, e, choices);
            }
        });
    }

    /** A survey answer read and not to be quoted leaves the queue. */
    @Post("/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> markRead(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String contentType,
                                    @PathVariable String contentId, @Nullable String csrf, @Nullable String version) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            Ref ref = ref(contentType, contentId);
            try {
                reviews.markRead(caller, areaId, ref.type(), ref.id(), number(version));
                return Pages.seeOther("/console/areas/" + areaId + "/queue?done=read");
            } catch (ProblemException e) {
                if (!(e.problem() instanceof ModerationProblem problem)) {
                    throw e;
                }
                ReviewItem now = reviews.item(caller, areaId, ref.type(), ref.id());
                return show(problem.status(), request, caller, areaId, now, ReviewChoices.initial(now),
                        List.of(error(problem, e, now)), Map.of());
            }
        });
    }

    /** Reject, or ask the family to change their words: both with a reason the family reads. */
    @Post("/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> decline(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String contentType,
                                   @PathVariable String contentId, @Nullable String csrf, @Nullable String version,
                                   @Nullable String decision, @Nullable String reason) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            Ref ref = ref(contentType, contentId);
            ReviewItem item = reviews.item(caller, areaId, ref.type(), ref.id());
            if (!"reject".equals(decision) && !"request_changes".equals(decision)) {
                return show(HttpStatus.BAD_REQUEST, request, caller, areaId, item, ReviewChoices.initial(item),
                        List.of(new Pages.FieldError("decision", "Choose whether to reject it or ask the family to change it")),
                        Map.of("reason", reason == null ? "" : reason));
            }
            ReviewRequests.WithReason asked = new ReviewRequests.WithReason(number(version), reason);
            try {
                if ("reject".equals(decision)) {
                    reviews.reject(caller, areaId, ref.type(), ref.id(), asked);
                } else {
                    reviews.requestChanges(caller, areaId, ref.type(), ref.id(), asked);
                }
                return Pages.seeOther("/console/areas/" + areaId + "/queue?done=" + ("reject".equals(decision) ? "rejected" : "changes"));
            } catch (ProblemException e) {
                if (!(e.problem() instanceof ModerationProblem problem)) {
                    throw e;
                }
                ReviewItem now = reviews.item(caller, areaId, ref.type(), ref.id());
                return show(problem.status(), request, caller, areaId, now, ReviewChoices.initial(now),
                        List.of(error(problem, e, now)), Map.of("decision", decision, "reason", reason == null ? "" : reason));
            }
        });
    }

    /** A refusal of the API's rules on this item: the page again, as it is now, with the choices kept and why. */
    private MutableHttpResponse<?> refusedAction(HttpRequest<?> request, Caller caller, String areaId, Ref ref,
                                                 ProblemException e, ReviewChoices choices) {
        if (!(e.problem() instanceof ModerationProblem problem)) {
            throw e;
        }
        ReviewItem now = reviews.item(caller, areaId, ref.type(), ref.id());
        return show(problem.status(), request, caller, areaId, now, choices, List.of(error(problem, e, now)));
    }

    /** The API's problem said to a forum lead, on the field it concerns. */
    private static Pages.FieldError error(ModerationProblem problem, ProblemException e, ReviewItem now) {
        return switch (problem) {
            case CLAIMED -> new Pages.FieldError("claim", "Another forum lead has claimed this until "
                    + (now.claimedUntil() == null ? "they release it" : ReviewItemView.TIME.format(now.claimedUntil()))
                    + ". Nothing was changed: try again when they release it or their claim runs out.");
            case VERSION_CONFLICT, VERSION_REQUIRED -> new Pages.FieldError("decide",
                    "Someone changed this while you were reading it. Nothing was changed: check it as it is now and decide again.");
            case ANALYSIS_PENDING -> new Pages.FieldError("decide", "Tagging has not finished reading this yet (the proposed "
                    + "redactions and the safeguarding check). Nothing was published: reload the page in a few seconds.");
            case ANALYSIS_FAILED -> new Pages.FieldError("safeguardingReviewed",
                    "Tagging could not read this: read it for safeguarding yourself and tick the box to say you have");
            case PROPOSAL_UNKNOWN -> new Pages.FieldError("proposals",
                    "Tagging has read this again and its proposals changed: check them as they are now");
            case REDACTION_INVALID -> new Pages.FieldError("extra-1",
                    "Two of the pieces of words you typed overlap: type them once, as one piece");
            case THEMES_INVALID -> new Pages.FieldError("themes", "Choose up to 10 of the area's themes");
            case REASON_INVALID -> new Pages.FieldError("reason", "Give the family a reason of 1 to 500 characters");
            default -> new Pages.FieldError("decide", e.getMessage());
        };
    }

    private MutableHttpResponse<?> show(HttpStatus status, HttpRequest<?> request, Caller caller, String areaId, ReviewItem item,
                                        ReviewChoices choices, List<Pages.FieldError> errors) {
        return show(status, request, caller, areaId, item, choices, errors, Map.of());
    }

    private MutableHttpResponse<?> show(HttpStatus status, HttpRequest<?> request, Caller caller, String areaId, ReviewItem item,
                                        ReviewChoices choices, List<Pages.FieldError> errors, Map<String, String> decline) {
        Map<String, Object> model = model(caller, areaId, item, choices, errors);
        model.put("decision", decline.getOrDefault("decision", ""));
        model.put("reason", decline.getOrDefault("reason", ""));
        return Pages.areaPage(status, "console/review-item", request, access, caller, areaId, model);
    }

    private Map<String, Object> model(Caller caller, String areaId, ReviewItem item, ReviewChoices choices,
                                      List<Pages.FieldError> errors) {
        Map<String, Object> model = ReviewItemView.model(item, caller.uid(), choices, taxonomy.taxonomy(caller, areaId).themes(),
                errors, clock.instant());
        model.putIfAbsent("decision", "");
        model.putIfAbsent("reason", "");
        model.put("path", path(areaId, item));
        return model;
    }

    private static String path(String areaId, ReviewItem item) {
        return "/console/areas/" + areaId + "/queue/" + item.contentType() + "/" + item.id();
    }

    private static Ref ref(String contentType, String contentId) {
        Optional<ContentType> type = ContentType.fromValue(contentType);
        try {
            if (type.isPresent()) {
                return new Ref(type.get(), UUID.fromString(contentId));
            }
        } catch (IllegalArgumentException e) {
            // not an id: no such item, as below
        }
        throw new ProblemException(ModerationProblem.ITEM_NOT_FOUND, "There is no such item to review in this area.");
    }

    @Nullable
    private static Integer number(@Nullable String version) {
        try {
            return version == null ? null : Integer.valueOf(version.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
