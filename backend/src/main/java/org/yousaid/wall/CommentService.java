package org.yousaid.wall;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.shared.Cursor;
import org.yousaid.shared.Cursors;
import org.yousaid.shared.IdempotencyKey;
import org.yousaid.shared.Page;
import org.yousaid.shared.ProblemException;
import org.yousaid.wall.CommentViews.OwnComment;
import org.yousaid.wall.CommentViews.PublishedComment;

/** The graffiti wall: families write, everyone in the area reads what forum leads published. */
@Singleton
class CommentService {

    private static final Logger LOG = LoggerFactory.getLogger(CommentService.class);

    /** The comment, and whether this call was a retry of one already accepted. */
    record Posted(OwnComment comment, boolean replayed) {
    }

    private final AreaAccess access;
    private final CommentRepository comments;
    private final ApplicationEventPublisher<CommentSubmitted> submitted;
    private final ApplicationEventPublisher<CommentWithdrawn> withdrawn;
    private final Clock clock;
    private final Cursors cursors;

    CommentService(AreaAccess access, CommentRepository comments,
                   ApplicationEventPublisher<CommentSubmitted> submitted,
                   ApplicationEventPublisher<CommentWithdrawn> withdrawn, Clock clock, Cursors cursors) {
        this.access = access;
        this.comments = comments;
        this.submitted = submitted;
        this.withdrawn = withdrawn;
        this.clock = clock;
        this.cursors = cursors;
    }

    /**
     * Accepts a comment exactly once per idempotency key. Tagging is not waited for: it listens
     * to {@link CommentSubmitted}.
     */
    @Transactional
    Posted post(Caller caller, String areaId, @Nullable String idempotencyKey, @Nullable String body) {
        CurrentUser author = access.require(caller, areaId, Role.FAMILY, Role.YOUNG_PERSON);
        IdempotencyKey key = IdempotencyKey.parse(idempotencyKey);
        String text = CommentText.normalise(body);
        String fingerprint = IdempotencyKey.fingerprint(areaId, text);
        boolean created = comments.insertIfAbsent(areaId, UUID.randomUUID(), author.uid(), author.role().value(), text,
                key.value(), fingerprint, now()) == 1;
        Comment comment = comments.findByIdempotencyKey(areaId, author.uid(), key.value()).orElseThrow();
        if (!comment.requestHash().equals(fingerprint)) {
            throw IdempotencyKey.reused();
        }
        if (created) {
            submitted.publishEvent(new CommentSubmitted(areaId, comment.id()));
            LOG.info("comment.submit area={} id={}", areaId, comment.id());
        }
        return new Posted(OwnComment.of(comment), !created);
    }

    @Transactional
    Page<PublishedComment> wall(Caller caller, String areaId, @Nullable String cursor, int limit) {
        access.member(caller, areaId);
        Cursors.Listing listing = cursors.listing(caller.uid(), "wall", areaId);
        Cursor after = listing.after(cursor);
        List<Comment> rows = after == null
                ? comments.wall(areaId, limit + 1)
                : comments.wallAfter(areaId, after.at(), after.id(), limit + 1);
        return listing.page(rows, limit, Comment::publishedPosition, PublishedComment::of);
    }

    @Transactional
    Page<OwnComment> mine(Caller caller, String areaId, @Nullable String cursor, int limit) {
        CurrentUser me = access.member(caller, areaId);
        Cursors.Listing listing = cursors.listing(caller.uid(), "my-comments", areaId);
        Cursor after = listing.after(cursor);
        List<Comment> rows = after == null
                ? comments.byAuthor(areaId, me.uid(), limit + 1)
                : comments.byAuthorAfter(areaId, me.uid(), after.at(), after.id(), limit + 1);
        return listing.page(rows, limit, Comment::submittedPosition, OwnComment::of);
    }

    /** The author sees their comment in any state; other members only once it is published. */
    @Transactional
    Object get(Caller caller, String areaId, UUID id) {
        CurrentUser me = access.member(caller, areaId);
        Comment comment = comments.find(areaId, id).orElseThrow(CommentService::notFound);
        if (comment.isBy(me.uid())) {
            return OwnComment.of(comment);
        }
        if (Comment.PUBLISHED.equals(comment.status())) {
            return PublishedComment.of(comment);
        }
        throw notFound();
    }

    /** The author takes their words back; the text is erased, the fact it existed is kept. */
    @Transactional
    OwnComment withdraw(Caller caller, String areaId, UUID id) {
        CurrentUser me = access.member(caller, areaId);
        Comment comment = comments.findForUpdate(areaId, id)
                .filter(c -> c.isBy(me.uid()))
                .orElseThrow(CommentService::notFound);
        switch (comment.status()) {
            case Comment.WITHDRAWN -> {
                return OwnComment.of(comment);
            }
            case Comment.REJECTED -> throw new ProblemException(WallProblem.COMMENT_NOT_WITHDRAWABLE,
                    "This comment was not published, so there is nothing to withdraw.");
            default -> {
                comments.withdraw(areaId, id, now());
                withdrawn.publishEvent(new CommentWithdrawn(areaId, id));
                LOG.info("comment.withdraw area={} id={}", areaId, id);
                return OwnComment.of(comments.find(areaId, id).orElseThrow());
            }
        }
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating keeps cursors and replays exact.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ProblemException notFound() {
        return new ProblemException(WallProblem.COMMENT_NOT_FOUND, "There is no such comment that you can see.");
    }
}
