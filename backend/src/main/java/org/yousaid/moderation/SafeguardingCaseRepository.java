package org.yousaid.moderation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.content.ContentType;

/** Every statement names the area and the content type with the id. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SafeguardingCaseRepository extends GenericRepository<SafeguardingCase, UUID> {

    @Query("""
            insert into safeguarding_cases (area_id, content_type, content_id, status, flagged_at, model_version, criticality)
            values (:areaId, :contentType, :contentId, 'new', :flaggedAt, :modelVersion, :criticality)
            on conflict (area_id, content_type, content_id) do nothing""")
    int openIfAbsent(String areaId, ContentType contentType, UUID contentId, Instant flaggedAt, String modelVersion, int criticality);

    @Query("""
            select * from safeguarding_cases
            where area_id = :areaId and content_type = :contentType and content_id = :contentId""")
    Optional<SafeguardingCase> find(String areaId, ContentType contentType, UUID contentId);

    @Query("""
            select * from safeguarding_cases
            where area_id = :areaId and content_type = :contentType and content_id = :contentId for update""")
    Optional<SafeguardingCase> findForUpdate(String areaId, ContentType contentType, UUID contentId);

    @Query("select count(*) from safeguarding_cases where area_id = :areaId and status <> 'handled'")
    long countOpen(String areaId);

    @Query("""
            select * from safeguarding_cases where area_id = :areaId and status in (:statuses)
              and (flagged_at, content_id) > (:afterAt, :afterId)
            order by flagged_at, content_id limit :limit""")
    List<SafeguardingCase> queue(String areaId, List<String> statuses, Instant afterAt, UUID afterId, int limit);

    @Query("""
            update safeguarding_cases set status = 'escalated', escalated_at = :at, escalated_by = :by, escalated_to = :to,
                   escalation_note = :note
            where area_id = :areaId and content_type = :contentType and content_id = :contentId and status = 'new'""")
    int escalate(String areaId, ContentType contentType, UUID contentId, Instant at, String by, String to, String note);

    @Query("""
            update safeguarding_cases set criticality = :criticality
            where area_id = :areaId and content_type = :contentType and content_id = :contentId""")
    int setCriticality(String areaId, ContentType contentType, UUID contentId, int criticality);

    @Query("""
            update safeguarding_cases set status = 'handled', handled_at = :handledAt, handled_by = :handledBy,
                   handling_note = :note
            where area_id = :areaId and content_type = :contentType and content_id = :contentId and status <> 'handled'""")
    int handle(String areaId, ContentType contentType, UUID contentId, Instant handledAt, String handledBy, String note);

    @Query("""
            select content_id from safeguarding_cases
            where area_id = :areaId and content_type = :contentType and content_id in (:ids)""")
    List<UUID> withCases(String areaId, ContentType contentType, java.util.Collection<UUID> ids);
}
