package org.yousaid.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads only: the log is written by {@code shared.AuditLog} in each action's transaction, and never changed. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRepository extends GenericRepository<AuditEntry, UUID> {

    /** Newest first, before (at, id); an action prefix such as {@code moderation.} narrows it. */
    @Query("""
            select id, area_id, at, actor_uid, action, content_type, content_id, detail from audit_log
            where area_id = :areaId and (at, id) < (:beforeAt, :beforeId)
              and (cast(:actionPrefix as text) is null or action like :actionPrefix || '%')
            order by at desc, id desc limit :limit""")
    List<AuditEntry> page(String areaId, Instant beforeAt, UUID beforeId, @Nullable String actionPrefix, int limit);
}
