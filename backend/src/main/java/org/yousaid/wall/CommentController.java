package org.yousaid.wall;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.validation.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.yousaid.identity.Caller;
import org.yousaid.shared.IdempotencyKey;
import org.yousaid.shared.Page;
import org.yousaid.wall.CommentViews.OwnComment;
import org.yousaid.wall.CommentViews.PostCommentRequest;
import org.yousaid.wall.CommentViews.PublishedComment;

@Controller("/v1/areas/{areaId}")
@Validated
@ExecuteOn(TaskExecutors.BLOCKING)
class CommentController {

    private final CommentService comments;

    CommentController(CommentService comments) {
        this.comments = comments;
    }

    @Post("/comments")
    HttpResponse<OwnComment> postComment(Caller caller, String areaId,
                                         @Nullable @Header(IdempotencyKey.HEADER) String idempotencyKey,
                                         @Body PostCommentRequest request) {
        CommentService.Posted posted = comments.post(caller, areaId, idempotencyKey, request.body());
        if (posted.replayed()) {
            return HttpResponse.ok(posted.comment()).header(IdempotencyKey.REPLAYED_HEADER, "true");
        }
        return HttpResponse.created(posted.comment(),
                URI.create("/v1/areas/" + areaId + "/comments/" + posted.comment().id()));
    }

    @Get("/comments")
    Page<PublishedComment> listWall(Caller caller, String areaId,
                                    @Nullable @QueryValue @Size(max = 200) String cursor,
                                    @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return comments.wall(caller, areaId, cursor, limit);
    }

    @Get("/comments/{commentId}")
    Object getComment(Caller caller, String areaId, UUID commentId) {
        return comments.get(caller, areaId, commentId);
    }

    @Post("/comments/{commentId}/withdraw")
    OwnComment withdrawComment(Caller caller, String areaId, UUID commentId) {
        return comments.withdraw(caller, areaId, commentId);
    }

    @Post("/comments/{commentId}/revise")
    OwnComment reviseComment(Caller caller, String areaId, UUID commentId, @Body PostCommentRequest request) {
        return comments.revise(caller, areaId, commentId, request.body());
    }

    @Put("/comments/{commentId}/me-too")
    PublishedComment addMeToo(Caller caller, String areaId, UUID commentId) {
        return comments.meToo(caller, areaId, commentId, true);
    }

    @Delete("/comments/{commentId}/me-too")
    PublishedComment removeMeToo(Caller caller, String areaId, UUID commentId) {
        return comments.meToo(caller, areaId, commentId, false);
    }

    @Get("/me/comments")
    Page<OwnComment> listMyComments(Caller caller, String areaId,
                                    @Nullable @QueryValue @Size(max = 200) String cursor,
                                    @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return comments.mine(caller, areaId, cursor, limit);
    }
}
