package org.yousaid.moderation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.yousaid.content.ContentType;

/**
 * The texts whose words have been kept as long as the area's retention policy allows, oldest
 * first, a bounded batch at a time. Reads across areas: it is the retention job's sweep, and every
 * row it returns names its area.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RetentionCandidates extends GenericRepository<ModerationItem, UUID> {

    @Introspected
    record Candidate(String areaId, ContentType contentType, UUID contentId) {
    }

    /** Rejected before {@code decidedBefore}: never to be published, their words go. */
    @Query("""
            select area_id, content_type, content_id from moderation_items
            where state = 'rejected' and decided_at < :decidedBefore and words_gone_at is null
            order by decided_at limit :limit""")
    List<Candidate> rejected(Instant decidedBefore, int limit);

    /**
     * Still waiting (never reviewed, or the family never sent the change asked for) since before
     * {@code submittedBefore}. Never a text whose safeguarding case is still open: a person must
     * read it before anything else happens to it.
     */
    @Query("""
            select i.area_id, i.content_type, i.content_id from moderation_items i
            where i.state in ('pending_review', 'changes_requested') and i.submitted_at < :submittedBefore and i.words_gone_at is null
              and not exists (select 1 from safeguarding_cases c where c.area_id = i.area_id and c.content_type = i.content_type
                              and c.content_id = i.content_id and c.status <> 'handled')
            order by i.submitted_at limit :limit""")
    List<Candidate> unreviewed(Instant submittedBefore, int limit);
}
