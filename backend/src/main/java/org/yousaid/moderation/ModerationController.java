package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.yousaid.identity.Caller;
import org.yousaid.shared.Cursor;
import org.yousaid.shared.Page;
import org.yousaid.shared.RequestProblem;
import org.yousaid.tagging.TaggingViews.ContentAnalysis;

@Controller("/v1/areas/{areaId}/moderation")
@io.micronaut.validation.Validated
@ExecuteOn(TaskExecutors.BLOCKING)
class ModerationController {

    private final ReviewService reviews;

    ModerationController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Get("/queue")
    Page<ReviewItem> listReviewQueue(Caller caller, String areaId,
                                     @Nullable @QueryValue @Size(max = 200) String cursor,
                                     @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        Cursor after = cursor == null ? null : Cursor.decode(cursor, RequestProblem.INVALID_PARAMETER);
        return reviews.queue(caller, areaId, after, limit);
    }

    @Get("/safeguarding")
    SafeguardingQueue listSafeguardingQueue(Caller caller, String areaId) {
        return new SafeguardingQueue(reviews.safeguardingQueue(caller, areaId));
    }

    @Get("/comments/{commentId}/analysis")
    ContentAnalysis getCommentAnalysis(Caller caller, String areaId, UUID commentId) {
        return reviews.analysis(caller, areaId, "comment", commentId);
    }

    @io.micronaut.serde.annotation.Serdeable
    record SafeguardingQueue(java.util.List<ReviewItem> items) {
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
