package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.content.ContentType;

/** Every statement names the area and the content type with the id. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ModerationItemRepository extends GenericRepository<ModerationItem, UUID> {

    @Query("""
            insert into moderation_items (area_id, content_type, content_id, author_role, state, submitted_at)
            values (:areaId, :contentType, :contentId, :authorRole, 'pending_review', :submittedAt)
            on conflict (area_id, content_type, content_id) do update
              set state = 'pending_review', submitted_at = excluded.submitted_at, tagged = false, themes = '{}',
                  sentiment = null, flagged = false, reason = null, decided_at = null, decided_by = null,
                  claimed_by = null, claimed_until = null, version = moderation_items.version + 1
              where moderation_items.state = 'changes_requested'""")
    int submitted(String areaId, ContentType contentType, UUID contentId, String authorRole, Instant submittedAt);

    @Query("""
            update moderation_items set state = 'withdrawn', moderated_text = null, redactions = '[]'::jsonb, words_gone_at = now(),
                   claimed_by = null, claimed_until = null, version = version + 1
            where area_id = :areaId and content_type = :contentType and content_id = :contentId""")
    int withdrawn(String areaId, ContentType contentType, UUID contentId);

    /** The family asked for their words to go: the item keeps its decisions and says so, never the words. */
    @Query("""
            update moderation_items set state = 'erased', moderated_text = null, redactions = '[]'::jsonb, words_gone_at = now(),
                   reason = null, claimed_by = null, claimed_until = null, version = version + 1
            where area_id = :areaId and content_type = :contentType and content_id = :contentId""")
    int erased(String areaId, ContentType contentType, UUID contentId);

    /**
     * A retention period passed: a text still waiting expires; a decided one keeps its state and
     * loses what quoted the words (published texts are never purged: they go when the family says).
     */
    @Query("""
            update moderation_items set state = case when state in ('pending_review', 'changes_requested') then 'expired' else state end,
                   moderated_text = null, redactions = '[]'::jsonb, words_gone_at = now(),
                   reason = case when state in ('pending_review', 'changes_requested') then null else reason end,
                   claimed_by = null, claimed_until = null, version = version + 1
            where area_id = :areaId and content_type = :contentType and content_id = :contentId and state <> 'published'""")
    int expired(String areaId, ContentType contentType, UUID contentId);

    /** A labelled example stands for words: with them gone it leaves the area's next retraining. */
    @Query("delete from theme_corrections where area_id = :areaId and content_type = :contentType and content_id = :contentId")
    int forgetCorrection(String areaId, ContentType contentType, UUID contentId);

    @Query("""
            update moderation_items i set tagged = true, sentiment = :sentiment, flagged = :flagged,
                   themes = case when exists (select 1 from theme_corrections t where t.area_id = i.area_id
                                   and t.content_type = i.content_type and t.content_id = i.content_id)
                                 then i.themes else :themes end
            where i.area_id = :areaId and i.content_type = :contentType and i.content_id = :contentId""")
    int tagged(String areaId, ContentType contentType, UUID contentId, @TypeDef(type = DataType.STRING_ARRAY) String[] themes,
               @Nullable Short sentiment, boolean flagged);

    @Query("""
            select * from moderation_items
            where area_id = :areaId and content_type = :contentType and content_id = :contentId""")
    Optional<ModerationItem> find(String areaId, ContentType contentType, UUID contentId);

    @Query("""
            select * from moderation_items
            where area_id = :areaId and content_type = :contentType and content_id = :contentId for update""")
    Optional<ModerationItem> findForUpdate(String areaId, ContentType contentType, UUID contentId);

    @Query("""
            select * from moderation_items
            where area_id = :areaId and content_type = :contentType and content_id in (:ids)""")
    List<ModerationItem> findAll(String areaId, ContentType contentType, Collection<UUID> ids);

    /**
     * The normal queue: items waiting for review that no open safeguarding case holds back,
     * oldest first after (submittedAt, id), narrowed by the filters that are not null.
     */
    @Query("""
            select * from moderation_items i
            where i.area_id = :areaId and i.state = 'pending_review'
              and (i.submitted_at, i.content_id) > (:afterAt, :afterId)
              and (cast(:source as text) is null or i.content_type = :source)
              and (cast(:theme as text) is null or :theme = any (i.themes))
              and (cast(:flagged as boolean) is null or i.flagged = :flagged)
              and (cast(:sentiment as smallint) is null or i.sentiment = :sentiment)
              and not exists (select 1 from safeguarding_cases c
                              where c.area_id = i.area_id and c.content_type = i.content_type
                                and c.content_id = i.content_id and c.status <> 'handled')
            order by i.submitted_at, i.content_id
            limit :limit""")
    List<ModerationItem> queue(String areaId, Instant afterAt, UUID afterId, @Nullable String source,
                               @Nullable String theme, @Nullable Boolean flagged, @Nullable Short sentiment, int limit);

    @Query("""
            update moderation_items set claimed_by = :uid, claimed_until = :until, version = version + 1
            where area_id = :areaId and content_type = :contentType and content_id = :contentId and version = :version""")
    int claim(String areaId, ContentType contentType, UUID contentId, String uid, Instant until, int version);

    @Query("""
            update moderation_items set claimed_by = null, claimed_until = null, version = version + 1
            where area_id = :areaId and content_type = :contentType and content_id = :contentId and version = :version""")
    int release(String areaId, ContentType contentType, UUID contentId, int version);

    /** Ends every claim {@code uid} holds in the area, expired or not. */
    @Query("""
            update moderation_items set claimed_by = null, claimed_until = null, version = version + 1
            where area_id = :areaId and claimed_by = :uid""")
    int releaseAllOf(String areaId, String uid);

    @Query("""
            update moderation_items set state = :state, moderated_text = :moderatedText, redactions = cast(:redactions as jsonb),
                   reason = :reason, decided_at = :decidedAt, decided_by = :decidedBy,
                   claimed_by = null, claimed_until = null, version = version + 1
            where area_id = :areaId and content_type = :contentType and content_id = :contentId and version = :version""")
    int decide(String areaId, ContentType contentType, UUID contentId, String state, @Nullable String moderatedText,
               @TypeDef(type = DataType.JSON) List<Redaction> redactions, @Nullable String reason, Instant decidedAt,
               String decidedBy, int version);

    /** How many items of the normal queue each filter value would show. */
    @Query("""
            with q as (
                select i.content_type, i.themes, i.flagged, i.sentiment from moderation_items i
                where i.area_id = :areaId and i.state = 'pending_review'
                  and not exists (select 1 from safeguarding_cases c
                                  where c.area_id = i.area_id and c.content_type = i.content_type
                                    and c.content_id = i.content_id and c.status <> 'handled'))
            select 'total' as facet, 'all' as value, count(*) as items from q
            union all select 'source', content_type, count(*) from q group by content_type
            union all select 'theme', t.theme, count(*) from q, unnest(q.themes) as t(theme) group by t.theme
            union all select 'flagged', flagged::text, count(*) from q group by flagged
            union all select 'sentiment', sentiment::text, count(*) from q where sentiment is not null group by sentiment""")
    List<FacetCount> counts(String areaId);

    /** A forum lead's themes replace the model's in the queue (a later re-tag leaves them). */
    @Query("""
            update moderation_items set themes = :themes, version = version + 1
            where area_id = :areaId and content_type = :contentType and content_id = :contentId and version = :version""")
    int setThemes(String areaId, ContentType contentType, UUID contentId, @TypeDef(type = DataType.STRING_ARRAY) String[] themes,
                  int version);

    @Query("""
            insert into theme_corrections (area_id, content_type, content_id, model_themes, model_version, corrected_themes,
                                           corrected_by, corrected_at)
            values (:areaId, :contentType, :contentId, :modelThemes, :modelVersion, :corrected, :by, :at)
            on conflict (area_id, content_type, content_id) do update
              set corrected_themes = excluded.corrected_themes, corrected_by = excluded.corrected_by,
                  corrected_at = excluded.corrected_at""")
    int correctThemes(String areaId, ContentType contentType, UUID contentId,
                      @TypeDef(type = DataType.STRING_ARRAY) String[] modelThemes, @Nullable String modelVersion,
                      @TypeDef(type = DataType.STRING_ARRAY) String[] corrected, String by, Instant at);

    /** Texts with a theme, waiting or published, newest first: what "similar texts" groups. */
    @Query("""
            select * from moderation_items
            where area_id = :areaId and :theme = any (themes) and state in ('pending_review', 'published')
            order by submitted_at desc, content_id desc limit :limit""")
    List<ModerationItem> withTheme(String areaId, String theme, int limit);
}
