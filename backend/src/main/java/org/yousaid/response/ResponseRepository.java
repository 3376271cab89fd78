package org.yousaid.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.content.ContentType;

/** Responses, the words they cite, the forum's sign-off and the published revisions; every statement names the area. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ResponseRepository extends GenericRepository<ResponseRow, UUID> {

    String COLUMNS = """
            area_id, id, status, version, title, summary, we_did, easy_read, themes, period_from, period_to, aims, families,
            reached, revision, created_by, created_at, published_at, updated_at""";

    @Query("""
            insert into responses (area_id, id, status, title, summary, we_did, easy_read, themes, period_from, period_to,
                                   aims, families, created_by, created_at)
            values (:areaId, :id, 'draft', :title, :summary, :weDid, :easyRead, :themes, :from, :to, cast(:aims as jsonb),
                    :families, :by, :at)""")
    int insert(String areaId, UUID id, String title, String summary, String weDid, @Nullable String easyRead,
               @TypeDef(type = DataType.STRING_ARRAY) String[] themes, LocalDate from, LocalDate to,
               @TypeDef(type = DataType.JSON) Aims aims, int families, String by, Instant at);

    @Query("select " + COLUMNS + " from responses where area_id = :areaId and id = :id")
    Optional<ResponseRow> find(String areaId, UUID id);

    /** The response, locked until the caller's transaction ends: steps on one response happen one at a time. */
    @Query("select " + COLUMNS + " from responses where area_id = :areaId and id = :id for update")
    Optional<ResponseRow> lock(String areaId, UUID id);

    @Query("""
            update responses set title = :title, summary = :summary, we_did = :weDid, easy_read = :easyRead,
                   themes = :themes, period_from = :from, period_to = :to, aims = cast(:aims as jsonb), families = :families,
                   status = :status, version = version + 1
            where area_id = :areaId and id = :id""")
    int rewrite(String areaId, UUID id, String title, String summary, String weDid, @Nullable String easyRead,
                @TypeDef(type = DataType.STRING_ARRAY) String[] themes, LocalDate from, LocalDate to,
                @TypeDef(type = DataType.JSON) Aims aims, int families, String status);

    @Query("update responses set status = :status, version = version + 1 where area_id = :areaId and id = :id")
    int step(String areaId, UUID id, String status);

    /** Publishes revision {@code revision}: the first publication dates the response; later ones mark it updated. */
    @Query("""
            update responses set status = 'published', version = version + 1, revision = :revision, reached = :reached,
                   published_at = coalesce(published_at, :at),
                   updated_at = case when :revision > 1 then :at else updated_at end
            where area_id = :areaId and id = :id""")
    int published(String areaId, UUID id, int revision, int reached, Instant at);

    /** Published responses, newest first, before a position; {@code theme} null for every theme. */
    @Query("select " + COLUMNS + """
             from responses
            where area_id = :areaId and status = 'published' and (published_at, id) < (:beforeAt, :beforeId)
              and (cast(:theme as text) is null or :theme = any(themes))
            order by published_at desc, id desc limit :limit""")
    List<ResponseRow> feed(String areaId, @Nullable String theme, Instant beforeAt, UUID beforeId, int limit);

    /** Responses in a working state, newest first. */
    @Query("select " + COLUMNS + """
             from responses
            where area_id = :areaId and status = :status and (created_at, id) < (:beforeAt, :beforeId)
              and (cast(:theme as text) is null or :theme = any(themes))
            order by created_at desc, id desc limit :limit""")
    List<ResponseRow> working(String areaId, String status, @Nullable String theme, Instant beforeAt, UUID beforeId, int limit);

    @Query("delete from response_citations where area_id = :areaId and response_id = :responseId")
    int clearCitations(String areaId, UUID responseId);

    @Query("""
            insert into response_citations (area_id, response_id, content_type, content_id, group_no)
            values (:areaId, :responseId, :contentType, :contentId, :groupNo)
            on conflict do nothing""")
    int cite(String areaId, UUID responseId, ContentType contentType, UUID contentId, @Nullable Integer groupNo);

    @Query("""
            select content_type, content_id, group_no from response_citations
            where area_id = :areaId and response_id = :responseId order by group_no nulls first, content_type, content_id""")
    List<Citation> citations(String areaId, UUID responseId);

    @Query("""
            insert into response_sign_offs (area_id, response_id, seq, decision, comment, by_uid, at)
            select :areaId, :responseId, coalesce(max(seq), 0) + 1, :decision, :comment, :by, :at
            from response_sign_offs where area_id = :areaId and response_id = :responseId""")
    int recordSignOff(String areaId, UUID responseId, String decision, @Nullable String comment, String by, Instant at);

    @Query("""
            select decision, comment, by_uid, at from response_sign_offs
            where area_id = :areaId and response_id = :responseId order by seq""")
    List<SignOffStep> signOffs(String areaId, UUID responseId);

    @Query("""
            insert into response_revisions (area_id, response_id, revision, title, summary, we_did, easy_read, change_note,
                                            published_by, published_at)
            values (:areaId, :responseId, :revision, :title, :summary, :weDid, :easyRead, :changeNote, :by, :at)""")
    int revise(String areaId, UUID responseId, int revision, String title, String summary, String weDid,
               @Nullable String easyRead, @Nullable String changeNote, String by, Instant at);

    @Query("""
            select revision, title, summary, we_did, easy_read, change_note, published_at from response_revisions
            where area_id = :areaId and response_id = :responseId order by revision desc""")
    List<Revision> revisions(String areaId, UUID responseId);

    @Query("select " + COLUMNS + " from responses where area_id = :areaId and id in (:ids)")
    List<ResponseRow> findAll(String areaId, Collection<UUID> ids);
}
