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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yousaid.area.AreaAccess;
import org.yousaid.content.ContentType;
import org.yousaid.identity.StaffSessions;
import org.yousaid.moderation.ReviewItem;
import org.yousaid.moderation.ReviewService;

/**
 * The forum lead's review queue: what families wrote that waits for a person, oldest first, both
 * sources, with the counts by source and a filter. The same service and rules as the API's
 * {@code GET …/moderation/queue}: forum leads of the area only.
 */
@Controller("/console/areas/{areaId}/queue")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class ReviewQueuePages {

    static final int PAGE = 50;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK).withZone(ZoneId.of("Europe/London"));

    /** One row of the queue as a forum lead reads it. */
    record Row(String submitted, String source, String words, String themes, String analysis, String href) {
    }

    /** One choice of the source filter. */
    record Choice(String value, String label, long count, boolean selected) {
    }

    /** What the item page's decisions say when they send the forum lead back here. */
    private static final Map<String, String> DONE = Map.of(
            "published", "Published. It is public now, with the redactions you chose.",
            "rejected", "Rejected. The family is told why.",
            "changes", "The family is asked to change it, with your reason.",
            "read", "Marked as read, not for quoting. It still counts in the survey\u2019s results and the area\u2019s themes.");

    private final StaffSessions sessions;
    private final ReviewService reviews;
    private final AreaAccess access;

    ReviewQueuePages(StaffSessions sessions, ReviewService reviews, AreaAccess access) {
        this.sessions = sessions;
        this.reviews = reviews;
        this.access = access;
    }

    @Get
    MutableHttpResponse<?> queue(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String source,
                                 @Nullable @QueryValue String done) {
        String chosen = "comment".equals(source) || "survey_answer".equals(source) ? source : null;
        return Pages.forSignedIn(sessions, request, "You cannot see this queue", caller -> {
            List<ReviewItem> items = reviews.queue(caller, areaId, new ReviewService.QueueFilter(chosen, null, null, null), null, PAGE)
                    .items();
            Map<String, Long> bySource = reviews.counts(caller, areaId).getOrDefault("source", Map.of());
            long all = bySource.values().stream().mapToLong(Long::longValue).sum();
            List<Choice> choices = List.of(new Choice("", "Both", all, chosen == null),
                    new Choice("comment", "Wall comments", bySource.getOrDefault("comment", 0L), "comment".equals(chosen)),
                    new Choice("survey_answer", "Survey answers", bySource.getOrDefault("survey_answer", 0L), "survey_answer".equals(chosen)));
            return Pages.areaPage(HttpStatus.OK, "console/queue", request, access, caller, areaId, Map.of(
                    "rows", items.stream().map(ReviewQueuePages::row).toList(), "choices", choices,
                    "shown", items.size(), "more", items.size() == PAGE, "done", DONE.getOrDefault(done == null ? "" : done, "")));
        });
    }

    private static Row row(ReviewItem item) {
        String source = item.contentType() == ContentType.COMMENT ? "Wall comment"
                : item.quotable() ? "Survey answer" : "Survey answer, not for quoting";
        String themes = item.analysis() != null && item.analysis().tags() != null && !item.analysis().tags().themes().isEmpty()
                ? String.join(", ", item.analysis().tags().themes().stream().map(t -> t.name()).toList())
                : item.themes().isEmpty() ? "None yet" : String.join(", ", item.themes());
        String analysis = item.analysis() == null ? "Waiting" : switch (item.analysis().state()) {
            case "done" -> "Done";
            case "failed" -> "Failed: read it for safeguarding yourself";
            default -> "Waiting";
        };
        return new Row(WHEN.format(item.submittedAt()), source, item.body() == null ? ReviewItemView.wordsGone(item.status()) : item.body(), themes, analysis,
                "/console/areas/" + item.areaId() + "/queue/" + item.contentType() + "/" + item.id());
    }
}
