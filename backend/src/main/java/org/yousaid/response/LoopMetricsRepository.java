package org.yousaid.response;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The loop's figures for a period, per theme: read across families' words (moderation's record of
 * them, with their authors), responses, their actions and who they reached. A read model: it
 * changes nothing.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface LoopMetricsRepository extends GenericRepository<ResponseRow, UUID> {

    /** A theme's figure (theme null: the whole area). */
    @Introspected
    record Figure(@Nullable String theme, long n, long of) {
    }

    @Introspected
    record Lag(String theme, double days) {
    }

    String JOINS = """
             left join comments c on m.content_type = 'comment' and c.area_id = m.area_id and c.id = m.content_id
             left join survey_answers a on m.content_type = 'survey_answer' and a.area_id = m.area_id and a.id = m.content_id
             where m.area_id = :areaId and m.submitted_at >= :from and m.submitted_at < :to
               and m.state in ('published', 'pending_review', 'changes_requested', 'read')
            """;

    /** Words and the families who sent them, per theme (n: words, of: families). */
    @Query("select t.theme, count(*) as n, count(distinct coalesce(c.author_uid, a.respondent_uid)) as of"
            + " from moderation_items m cross join unnest(m.themes) as t(theme)" + JOINS + " group by t.theme")
    List<Figure> wordsByTheme(String areaId, Instant from, Instant to);

    @Query("select cast(null as text) as theme, count(*) as n, count(distinct coalesce(c.author_uid, a.respondent_uid)) as of"
            + " from moderation_items m" + JOINS)
    Figure words(String areaId, Instant from, Instant to);

    /** Themes of the responses published before {@code to}. */
    @Query("select distinct unnest(themes) from responses where area_id = :areaId and status = 'published' and published_at < :to")
    List<String> answeredThemes(String areaId, Instant to);

    /**
     * For each response published in [from, to) and each of its themes: days from the first words on
     * it in the response's period (found by walking that period's words in time order).
     */
    @Query("""
            select t.theme, extract(epoch from (r.published_at - f.first)) / 86400.0 as days
            from responses r cross join unnest(r.themes) as t(theme)
            cross join lateral (select m.submitted_at as first from moderation_items m
                                where m.area_id = r.area_id and m.submitted_at >= r.period_from
                                  and m.submitted_at < r.period_to + 1 and m.themes @> array[t.theme]
                                  and m.state in ('published', 'pending_review', 'changes_requested', 'read')
                                order by m.submitted_at limit 1) f
            where r.area_id = :areaId and r.status = 'published' and r.published_at >= :from and r.published_at < :to""")
    List<Lag> lags(String areaId, Instant from, Instant to);

    /** Actions of published responses due in [from, to), per theme of their response (n: done by the due date, of: due). */
    @Query("""
            select t.theme, count(*) filter (where x.status = 'done' and x.done_at < x.due_on + 1) as n, count(*) as of
            from response_actions x join responses r on r.area_id = x.area_id and r.id = x.response_id and r.status = 'published'
            cross join unnest(r.themes) as t(theme)
            where x.area_id = :areaId and x.due_on >= :from and x.due_on < :to group by t.theme""")
    List<Figure> actionsByTheme(String areaId, LocalDate from, LocalDate to);

    @Query("""
            select cast(null as text) as theme, count(*) filter (where x.status = 'done' and x.done_at < x.due_on + 1) as n,
                   count(*) as of
            from response_actions x join responses r on r.area_id = x.area_id and r.id = x.response_id and r.status = 'published'
            where x.area_id = :areaId and x.due_on >= :from and x.due_on < :to""")
    Figure actions(String areaId, LocalDate from, LocalDate to);

    /** Members reached by responses published in [from, to), per theme (n: members, of: responses). */
    @Query("""
            select t.theme, count(distinct x.uid) as n, count(distinct r.id) as of
            from responses r cross join unnest(r.themes) as t(theme)
            left join response_reach x on x.area_id = r.area_id and x.response_id = r.id
            where r.area_id = :areaId and r.status = 'published' and r.published_at >= :from and r.published_at < :to
            group by t.theme""")
    List<Figure> reachByTheme(String areaId, Instant from, Instant to);

    @Query("""
            select cast(null as text) as theme, count(distinct x.uid) as n, count(distinct r.id) as of
            from responses r left join response_reach x on x.area_id = r.area_id and x.response_id = r.id
            where r.area_id = :areaId and r.status = 'published' and r.published_at >= :from and r.published_at < :to""")
    Figure reach(String areaId, Instant from, Instant to);

    /** The indicators published responses aim to move. */
    @Query("""
            select distinct cast(i.value as text) from responses r cross join jsonb_array_elements_text(r.aims -> 'indicators') as i(value)
            where r.area_id = :areaId and r.status = 'published' and r.published_at < :to""")
    List<String> aimedIndicators(String areaId, Instant to);
}
