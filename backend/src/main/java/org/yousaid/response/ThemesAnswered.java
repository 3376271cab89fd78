package org.yousaid.response;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.yousaid.shared.IndicatorMeasures;

/** "Share of themes answered": of the themes families raised in a period, those with a published response by its end. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ThemesAnswered extends IndicatorMeasures, GenericRepository<ResponseRow, UUID> {

    String MEASURE = "themes_answered";

    @Override
    default Set<String> measures() {
        return Set.of(MEASURE);
    }

    @Override
    default Optional<String> invalid(String areaId, Measure measure) {
        return Optional.empty();
    }

    @Override
    default java.util.Map<String, Measured> measureEach(String areaId, Measure measure, java.util.List<Window> windows) {
        java.util.Map<String, Measured> measured = new java.util.LinkedHashMap<>();
        for (Window w : windows) {
            Answered a = answered(areaId, w.from(), w.to());
            if (a.raised() > 0) {
                measured.put(w.period(), new Measured((double) a.answered() / a.raised(), (int) a.raised()));
            }
        }
        return measured;
    }

    /** A count of themes identifies no family: every period with a theme raised is shown. */
    @Override
    default int smallestShown(Measure measure) {
        return 1;
    }

    @Override
    default String source(Measure measure) {
        return "Computed by YouSaid: themes raised in the period with a published response";
    }

    @Query("""
            select count(*) as raised,
                   count(*) filter (where exists (select 1 from responses r where r.area_id = :areaId and r.status = 'published'
                                                  and r.published_at < :to and t.theme = any(r.themes))) as answered
            from (select distinct unnest(themes) as theme from moderation_items
                  where area_id = :areaId and submitted_at >= :from and submitted_at < :to
                    and state in ('published', 'pending_review', 'changes_requested', 'read')) t""")
    Answered answered(String areaId, Instant from, Instant to);

    @io.micronaut.core.annotation.Introspected
    record Answered(long raised, long answered) {
    }
}
