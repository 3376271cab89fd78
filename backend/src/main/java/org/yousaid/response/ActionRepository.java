package org.yousaid.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A response's actions and their milestones. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ActionRepository extends GenericRepository<ActionRow, UUID> {

    String COLUMNS = """
            area_id, id, response_id, position, text, owner, starts_on, due_on, status, progress, reason, created_at,
            updated_at, done_at""";

    @Query("""
            insert into response_actions (area_id, id, response_id, position, text, owner, starts_on, due_on, status,
                                          progress, created_at, updated_at)
            select :areaId, :id, :responseId, coalesce(max(position), 0) + 1, :text, :owner, :startsOn, :dueOn, 'planned', 0,
                   :at, :at
            from response_actions where area_id = :areaId and response_id = :responseId""")
    int add(String areaId, UUID id, UUID responseId, String text, String owner, LocalDate startsOn, LocalDate dueOn, Instant at);

    @Query("select " + COLUMNS + " from response_actions where area_id = :areaId and response_id = :responseId and id = :id for update")
    Optional<ActionRow> lock(String areaId, UUID responseId, UUID id);

    @Query("select " + COLUMNS + " from response_actions where area_id = :areaId and response_id in (:responseIds) order by position")
    List<ActionRow> of(String areaId, Collection<UUID> responseIds);

    @Query("""
            update response_actions set status = :status, progress = :progress, reason = :reason, updated_at = :at,
                   done_at = case when :status = 'done' then coalesce(done_at, :at) else null end
            where area_id = :areaId and id = :id""")
    int move(String areaId, UUID id, String status, int progress, @Nullable String reason, Instant at);

    /** Adds the next milestone; returns its number. */
    default int milestone(String areaId, UUID actionId, String status, int progress, @Nullable String reason,
                          @Nullable String note, String by, Instant at) {
        addMilestone(areaId, actionId, status, progress, reason, note, by, at);
        return lastMilestone(areaId, actionId);
    }

    @Query("""
            insert into action_milestones (area_id, action_id, seq, at, by_uid, status, progress, reason, note)
            select :areaId, :actionId, coalesce(max(seq), 0) + 1, :at, :by, :status, :progress, :reason, :note
            from action_milestones where area_id = :areaId and action_id = :actionId""")
    int addMilestone(String areaId, UUID actionId, String status, int progress, @Nullable String reason,
                     @Nullable String note, String by, Instant at);

    @Query("select coalesce(max(seq), 0) from action_milestones where area_id = :areaId and action_id = :actionId")
    int lastMilestone(String areaId, UUID actionId);

    @Query("""
            select action_id, seq, at, status, progress, reason, note from action_milestones
            where area_id = :areaId and action_id in (:actionIds) order by action_id, seq""")
    List<Milestone> milestones(String areaId, Collection<UUID> actionIds);
}
