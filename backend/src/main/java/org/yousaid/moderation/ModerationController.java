package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.validation.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.yousaid.content.ContentType;
import org.yousaid.identity.Caller;
import org.yousaid.shared.Page;
import org.yousaid.tagging.TaggingViews.ContentAnalysis;

@Controller("/v1/areas/{areaId}/moderation")
@Validated
@ExecuteOn(TaskExecutors.BLOCKING)
class ModerationController {

    private final ReviewService reviews;
    private final SafeguardingService safeguarding;
    private final SimilarTexts similar;

    ModerationController(ReviewService reviews, SafeguardingService safeguarding, SimilarTexts similar) {
        this.reviews = reviews;
        this.safeguarding = safeguarding;
        this.similar = similar;
    }

    @Get("/groups")
    SimilarTexts.Groups listSimilarTextGroups(Caller caller, String areaId,
                                              @QueryValue @Pattern(regexp = "[a-z][a-z0-9_]{0,63}") String theme) {
        return similar.groups(caller, areaId, theme);
    }

    @Get("/queue")
    Page<ReviewItem> listReviewQueue(Caller caller, String areaId,
                                     @Nullable @QueryValue @Pattern(regexp = "comment|survey_answer") String source,
                                     @Nullable @QueryValue @Pattern(regexp = "[a-z][a-z0-9_]{0,63}") String theme,
                                     @Nullable @QueryValue Boolean flagged,
                                     @Nullable @QueryValue @Min(1) @Max(5) Integer sentiment,
                                     @Nullable @QueryValue @Size(max = 200) String cursor,
                                     @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return reviews.queue(caller, areaId, new ReviewService.QueueFilter(source, theme, flagged, sentiment), cursor, limit);
    }

    @Get("/queue/counts")
    Map<String, Map<String, Long>> getReviewQueueCounts(Caller caller, String areaId) {
        return reviews.counts(caller, areaId);
    }

    @Get("/items/{contentType}/{contentId}")
    ReviewItem getReviewItem(Caller caller, String areaId, String contentType, UUID contentId) {
        return reviews.item(caller, areaId, type(contentType), contentId);
    }

    @Post("/items/{contentType}/{contentId}/claim")
    ReviewItem claimReviewItem(Caller caller, String areaId, String contentType, UUID contentId,
                               @Body ReviewRequests.Version request) {
        return reviews.claim(caller, areaId, type(contentType), contentId, request.version());
    }

    @Post("/items/{contentType}/{contentId}/release")
    ReviewItem releaseReviewItem(Caller caller, String areaId, String contentType, UUID contentId,
                                 @Body ReviewRequests.Version request) {
        return reviews.release(caller, areaId, type(contentType), contentId, request.version());
    }

    @Post("/items/{contentType}/{contentId}/publish")
    ReviewItem publishReviewItem(Caller caller, String areaId, String contentType, UUID contentId,
                                 @Body ReviewRequests.Publish request) {
        return reviews.publish(caller, areaId, type(contentType), contentId, request);
    }

    @Post("/items/{contentType}/{contentId}/reject")
    ReviewItem rejectReviewItem(Caller caller, String areaId, String contentType, UUID contentId,
                                @Body ReviewRequests.WithReason request) {
        return reviews.reject(caller, areaId, type(contentType), contentId, request);
    }

    @Post("/items/{contentType}/{contentId}/request-changes")
    ReviewItem requestChangesToReviewItem(Caller caller, String areaId, String contentType, UUID contentId,
                                          @Body ReviewRequests.WithReason request) {
        return reviews.requestChanges(caller, areaId, type(contentType), contentId, request);
    }

    @Post("/items/{contentType}/{contentId}/mark-read")
    ReviewItem markReviewItemRead(Caller caller, String areaId, String contentType, UUID contentId,
                                  @Body ReviewRequests.Version request) {
        return reviews.markRead(caller, areaId, type(contentType), contentId, request.version());
    }

    @Put("/items/{contentType}/{contentId}/themes")
    ReviewItem correctReviewItemThemes(Caller caller, String areaId, String contentType, UUID contentId,
                                       @Body ReviewRequests.Themes request) {
        return reviews.correctThemes(caller, areaId, type(contentType), contentId, request);
    }

    @Post("/items/{contentType}/{contentId}/retag")
    ReviewItem retagReviewItem(Caller caller, String areaId, String contentType, UUID contentId) {
        return reviews.retag(caller, areaId, type(contentType), contentId);
    }

    @Get("/comments/{commentId}/analysis")
    ContentAnalysis getCommentAnalysis(Caller caller, String areaId, UUID commentId) {
        return reviews.analysis(caller, areaId, ContentType.COMMENT, commentId);
    }

    @Get("/safeguarding")
    Page<SafeguardingCaseView> listSafeguardingQueue(Caller caller, String areaId,
                                                     @QueryValue(defaultValue = "open") @Pattern(regexp = "open|new|escalated|handled") String status,
                                                     @Nullable @QueryValue @Size(max = 200) String cursor,
                                                     @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return safeguarding.queue(caller, areaId, status, cursor, limit);
    }

    @Post("/safeguarding/{contentType}/{contentId}/handle")
    SafeguardingCaseView handleSafeguardingCase(Caller caller, String areaId, String contentType, UUID contentId,
                                                @Body ReviewRequests.Handle request) {
        return safeguarding.handle(caller, areaId, caseType(contentType), contentId, request.note());
    }

    @Post("/safeguarding/{contentType}/{contentId}/escalate")
    SafeguardingCaseView escalateSafeguardingCase(Caller caller, String areaId, String contentType, UUID contentId,
                                                  @Body ReviewRequests.Handle request) {
        return safeguarding.escalate(caller, areaId, caseType(contentType), contentId, request.note());
    }

    @Post("/safeguarding/{contentType}/{contentId}/criticality")
    SafeguardingCaseView setSafeguardingCriticality(Caller caller, String areaId, String contentType, UUID contentId,
                                                    @Body ReviewRequests.Criticality request) {
        return safeguarding.setCriticality(caller, areaId, caseType(contentType), contentId, request.criticality());
    }

    private static ContentType caseType(String contentType) {
        return ContentType.fromValue(contentType).orElseThrow(SafeguardingService::noCase);
    }

    private static ContentType type(String contentType) {
        return ContentType.fromValue(contentType).orElseThrow(ReviewService::notFound);
    }
}
