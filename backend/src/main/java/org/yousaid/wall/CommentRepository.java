package org.yousaid.wall;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every statement names the area: a comment id alone never reaches another area's rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CommentRepository extends GenericRepository<Comment, UUID> {

    /** The new comment's id, or none when the key was used before (a retry). */
    @Query("""
            insert into comments (area_id, id, author_uid, author_role, body, idempotency_key, request_hash, submitted_at)
            values (:areaId, :id, :authorUid, :authorRole, :body, :idempotencyKey, :requestHash, :submittedAt)
            on conflict (area_id, author_uid, idempotency_key) do nothing
            returning id""")
    List<UUID> insertIfAbsent(String areaId, UUID id, String authorUid, String authorRole, String body,
                              UUID idempotencyKey, String requestHash, Instant submittedAt);

    @Query("""
            select * from comments
            where area_id = :areaId and author_uid = :authorUid and idempotency_key = :idempotencyKey""")
    Optional<Comment> findByIdempotencyKey(String areaId, String authorUid, UUID idempotencyKey);

    @Query("select * from comments where area_id = :areaId and id = :id")
    Optional<Comment> find(String areaId, UUID id);

    @Query("select * from comments where area_id = :areaId and id in (:ids)")
    List<Comment> findAmong(String areaId, Collection<UUID> ids);

    @Query("select * from comments where area_id = :areaId and body is not null order by submitted_at, id")
    List<Comment> withText(String areaId);

    @Query("select * from comments where area_id = :areaId and id = :id for update")
    Optional<Comment> findForUpdate(String areaId, UUID id);

    @Query("""
            select * from comments where area_id = :areaId and published_body is not null
            order by published_at desc, id desc limit :limit""")
    List<Comment> wall(String areaId, int limit);

    @Query("""
            select * from comments where area_id = :areaId and published_body is not null
              and (published_at, id) < (:afterAt, :afterId)
            order by published_at desc, id desc limit :limit""")
    List<Comment> wallAfter(String areaId, Instant afterAt, UUID afterId, int limit);

    @Query("""
            select * from comments where area_id = :areaId and author_uid = :authorUid
            order by submitted_at desc, id desc limit :limit""")
    List<Comment> byAuthor(String areaId, String authorUid, int limit);

    @Query("""
            select * from comments where area_id = :areaId and author_uid = :authorUid
              and (submitted_at, id) < (:afterAt, :afterId)
            order by submitted_at desc, id desc limit :limit""")
    List<Comment> byAuthorAfter(String areaId, String authorUid, Instant afterAt, UUID afterId, int limit);

    /** Shows exactly the approved text; a comment withdrawn meanwhile stays erased. */
    @Query("""
            update comments set published_body = :text, published_at = :publishedAt
            where area_id = :areaId and id = :id and withdrawn_at is null and erased_at is null""")
    int published(String areaId, UUID id, String text, Instant publishedAt);

    @Query("""
            update comments set body = :body, request_hash = :requestHash
            where area_id = :areaId and id = :id and withdrawn_at is null and erased_at is null and published_body is null""")
    int revise(String areaId, UUID id, String body, String requestHash);

    @Query("""
            update comments set body = null, published_body = null, published_at = null, withdrawn_at = :at
            where area_id = :areaId and id = :id and withdrawn_at is null""")
    int withdraw(String areaId, UUID id, Instant at);

    @Query("select * from comments where area_id = :areaId and author_uid = :authorUid order by submitted_at, id")
    List<Comment> allByAuthor(String areaId, String authorUid);

    /**
     * Erasure: no words, no author; the row keeps its id and times so counts and the desk's history
     * still add up. The idempotency key becomes the id so the tombstone author cannot collide.
     */
    @Query("""
            update comments set body = null, published_body = null, published_at = null, erased_at = :at, author_uid = 'erased',
                idempotency_key = id, request_hash = 'erased'
            where area_id = :areaId and author_uid = :authorUid
            returning id""")
    List<UUID> eraseAuthor(String areaId, String authorUid, Instant at);

    /** Retention: the words go, the author stays (it is the family's account, still theirs). */
    @Query("""
            update comments set body = null, erased_at = :at, request_hash = 'erased'
            where area_id = :areaId and id in (:ids) and body is not null and published_body is null
            returning id""")
    List<UUID> purgeWords(String areaId, Collection<UUID> ids, Instant at);
}
