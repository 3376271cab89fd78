package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.validation.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.yousaid.identity.Caller;
import org.yousaid.shared.Page;
import org.yousaid.tagging.TaggingViews.ContentAnalysis;

@Controller("/v1/areas/{areaId}/moderation")
@Validated
@ExecuteOn(TaskExecutors.BLOCKING)
class ModerationController {

    private final ReviewService reviews;
    private final SafeguardingService safeguarding;

    ModerationController(ReviewService reviews, SafeguardingService safeguarding) {
        this.reviews = reviews;
        this.safeguarding = safeguarding;
    }

    @Get("/queue")
    Page<ReviewItem> listReviewQueue(Caller caller, String areaId,
                                     @Nullable @QueryValue @Size(max = 200) String cursor,
                                     @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return reviews.queue(caller, areaId, cursor, limit);
    }

    @Get("/safeguarding")
    Page<SafeguardingCaseView> listSafeguardingQueue(Caller caller, String areaId,
                                                     @QueryValue(defaultValue = "new") @Pattern(regexp = "new|handled") String status,
                                                     @Nullable @QueryValue @Size(max = 200) String cursor,
                                                     @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return safeguarding.queue(caller, areaId, status, cursor, limit);
    }

    @Post("/safeguarding/{contentType}/{contentId}/handle")
    SafeguardingCaseView handleSafeguardingCase(Caller caller, String areaId, String contentType, UUID contentId,
                                                @Body ReviewRequests.Handle request) {
        return safeguarding.handle(caller, areaId, contentType, contentId, request.note());
    }

    @Get("/comments/{commentId}/analysis")
    ContentAnalysis getCommentAnalysis(Caller caller, String areaId, UUID commentId) {
        return reviews.analysis(caller, areaId, "comment", commentId);
    }

    @Post("/comments/{commentId}/publish")
    ReviewItem publishComment(Caller caller, String areaId, UUID commentId,
                              @Nullable @Body ReviewRequests.Publish request) {
        return reviews.publish(caller, areaId, "comment", commentId, request == null ? null : request.publishedBody(),
                request != null && Boolean.TRUE.equals(request.safeguardingReviewed()));
    }

    @Post("/comments/{commentId}/reject")
    ReviewItem rejectComment(Caller caller, String areaId, UUID commentId, @Body ReviewRequests.Reject request) {
        return reviews.reject(caller, areaId, "comment", commentId, request.reason());
    }
}
