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
import java.util.Map;
import org.yousaid.content.ContentRef;
import org.yousaid.content.ContentSubmitted;
import org.yousaid.content.ContentType;
import org.yousaid.content.ContentWithdrawn;
import org.yousaid.content.MyWords;
import org.yousaid.content.ReviewStatus;
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
    private final ApplicationEventPublisher<ContentSubmitted> submitted;
    private final ApplicationEventPublisher<ContentWithdrawn> withdrawn;
    private final MyWords myWords;
    private final MeTooRepository meTooRepository;
    private final Clock clock;
    private final Cursors cursors;

    CommentService(AreaAccess access, CommentRepository comments,
                   ApplicationEventPublisher<ContentSubmitted> submitted,
                   ApplicationEventPublisher<ContentWithdrawn> withdrawn, MyWords myWords, Clock clock,
                   Cursors cursors, MeTooRepository meTooRepository) {
        this.meTooRepository = meTooRepository;
        this.myWords = myWords;
        this.access = access;
        this.comments = comments;
        this.submitted = submitted;
        this.withdrawn = withdrawn;
        this.clock = clock;
        this.cursors = cursors;
    }

    /**
     * Accepts a comment exactly once per idempotency key. Tagging and moderation take it from
     * {@link ContentSubmitted} in this transaction; nothing waits for tagging.
     */
    @Transactional
    Posted post(Caller caller, String areaId, @Nullable String idempotencyKey, @Nullable String body) {
        CurrentUser author = access.require(caller, areaId, Role.FAMILY, Role.YOUNG_PERSON);
        IdempotencyKey key = IdempotencyKey.parse(idempotencyKey);
        String text = CommentText.normalise(body);
        String fingerprint = IdempotencyKey.fingerprint(areaId, text);
        // Every column of a new comment is what this request sent, so the insert need not be read
        // back: only a retry (the key already used) reads the stored comment.
        Comment fresh = Comment.submitted(areaId, UUID.randomUUID(), author.uid(), author.role().value(), text, key.value(),
                fingerprint, now());
        boolean created = !comments.insertIfAbsent(fresh.areaId(), fresh.id(), fresh.authorUid(), fresh.authorRole(),
                fresh.body(), fresh.idempotencyKey(), fresh.requestHash(), fresh.submittedAt()).isEmpty();
        Comment comment = created ? fresh : comments.findByIdempotencyKey(areaId, author.uid(), key.value()).orElseThrow();
        if (!comment.requestHash().equals(fingerprint)) {
            throw IdempotencyKey.reused();
        }
        if (created) {
            submitted.publishEvent(new ContentSubmitted(ContentRef.comment(areaId, comment.id()), author.role().value(),
                    comment.submittedAt()));
            LOG.info("comment.submit area={} id={}", areaId, comment.id());
        }
        // Just accepted, it waits for review and nothing has happened to it yet (safeguarding is
        // tagging's, after commit): the hottest path asks no one. A replay shows where it has got.
        return new Posted(created ? OwnComment.of(comment, JUST_SUBMITTED) : own(comment), !created);
    }

    @Transactional
    Page<PublishedComment> wall(Caller caller, String areaId, @Nullable String cursor, int limit) {
        access.member(caller, areaId);
        Cursors.Listing listing = cursors.listing(caller.uid(), "wall", areaId);
        Cursor after = listing.after(cursor);
        List<Comment> rows = after == null
                ? comments.wall(areaId, limit + 1)
                : comments.wallAfter(areaId, after.at(), after.id(), limit + 1);
        Map<UUID, MeTooCount> meToo = meToos(areaId, rows, caller.uid());
        return listing.page(rows, limit, Comment::publishedPosition, c -> PublishedComment.of(c, meToo.get(c.id())));
    }

    @Transactional
    Page<OwnComment> mine(Caller caller, String areaId, @Nullable String cursor, int limit) {
        CurrentUser me = access.member(caller, areaId);
        Cursors.Listing listing = cursors.listing(caller.uid(), "my-comments", areaId);
        Cursor after = listing.after(cursor);
        List<Comment> rows = after == null
                ? comments.byAuthor(areaId, me.uid(), limit + 1)
                : comments.byAuthorAfter(areaId, me.uid(), after.at(), after.id(), limit + 1);
        Map<UUID, MyWords.Fate> fates = myWords.of(areaId, me.uid(), ContentType.COMMENT, rows.stream().map(Comment::id).toList());
        return listing.page(rows, limit, Comment::submittedPosition,
                c -> OwnComment.of(c, fates.getOrDefault(c.id(), MyWords.Fate.UNSEEN)));
    }

    /** The author sees their comment in any state; other members only once it is published. */
    @Transactional
    Object get(Caller caller, String areaId, UUID id) {
        CurrentUser me = access.member(caller, areaId);
        Comment comment = comments.find(areaId, id).orElseThrow(CommentService::notFound);
        if (comment.isBy(me.uid())) {
            return own(comment);
        }
        if (comment.isPublished()) {
            return PublishedComment.of(comment, meToos(areaId, List.of(comment), me.uid()).get(id));
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
        if (comment.isWithdrawn()) {
            return own(comment);
        }
        ReviewStatus review = status(comment);
        if (review != null && "rejected".equals(review.state())) {
            throw new ProblemException(WallProblem.COMMENT_NOT_WITHDRAWABLE,
                    "This comment was not published, so there is nothing to withdraw.");
        }
        comments.withdraw(areaId, id, now());
        withdrawn.publishEvent(new ContentWithdrawn(ContentRef.comment(areaId, id)));
        LOG.info("comment.withdraw area={} id={}", areaId, id);
        return own(comments.find(areaId, id).orElseThrow());
    }

    /**
     * The author sends new words after a forum lead asked them to change the comment; it is
     * tagged and reviewed afresh, under the same id.
     */
    @Transactional
    OwnComment revise(Caller caller, String areaId, UUID id, @Nullable String body) {
        CurrentUser me = access.require(caller, areaId, Role.FAMILY, Role.YOUNG_PERSON);
        Comment comment = comments.findForUpdate(areaId, id).filter(c -> c.isBy(me.uid())).orElseThrow(CommentService::notFound);
        String text = CommentText.normalise(body);
        ReviewStatus review = status(comment);
        if (comment.isWithdrawn() || review == null || !ReviewStatus.CHANGES_REQUESTED.equals(review.state())) {
            throw new ProblemException(WallProblem.COMMENT_NOT_REVISABLE,
                    "Only a comment a forum lead asked you to change can be sent again.");
        }
        comments.revise(areaId, id, text, IdempotencyKey.fingerprint(areaId, text));
        Instant now = now();
        submitted.publishEvent(new ContentSubmitted(ContentRef.comment(areaId, id), comment.authorRole(), now));
        LOG.info("comment.revise area={} id={}", areaId, id);
        return own(comments.find(areaId, id).orElseThrow());
    }

    /**
     * A family says a published comment speaks for them too; saying it again changes nothing. Not
     * for one's own comment (it is already their voice).
     */
    @Transactional
    PublishedComment meToo(Caller caller, String areaId, UUID id, boolean add) {
        CurrentUser me = access.require(caller, areaId, Role.FAMILY, Role.YOUNG_PERSON);
        Comment comment = comments.find(areaId, id).filter(Comment::isPublished).orElseThrow(CommentService::notFound);
        if (comment.isBy(me.uid())) {
            throw new ProblemException(WallProblem.ME_TOO_OWN, "This is your own comment: it already speaks for you.");
        }
        if (add) {
            meTooRepository.add(areaId, id, me.uid(), now());
        } else {
            meTooRepository.remove(areaId, id, me.uid());
        }
        return PublishedComment.of(comment, meToos(areaId, List.of(comment), me.uid()).get(id));
    }

    private Map<UUID, MeTooCount> meToos(String areaId, List<Comment> rows, String uid) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        return meTooRepository.counts(areaId, rows.stream().map(Comment::id).toList(), uid).stream()
                .collect(java.util.stream.Collectors.toMap(MeTooCount::commentId, java.util.function.Function.identity()));
    }

    private static final MyWords.Fate JUST_SUBMITTED =
            new MyWords.Fate(new ReviewStatus(ReviewStatus.PENDING_REVIEW, null, null), null, List.of());

    private OwnComment own(Comment comment) {
        return OwnComment.of(comment, fate(comment));
    }

    private MyWords.Fate fate(Comment comment) {
        return myWords.of(comment.areaId(), comment.authorUid(), ContentRef.comment(comment.areaId(), comment.id()));
    }

    private @Nullable ReviewStatus status(Comment comment) {
        return fate(comment).review();
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating keeps cursors and replays exact.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ProblemException notFound() {
        return new ProblemException(WallProblem.COMMENT_NOT_FOUND, "There is no such comment that you can see.");
    }
}
