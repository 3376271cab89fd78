package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An area's themes and their history; every statement names the area. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AreaThemeRepository extends GenericRepository<AreaTheme, String> {

    @Query("select * from area_themes where area_id = :areaId order by status, name")
    List<AreaTheme> themes(String areaId);

    @Query("select * from area_themes where area_id = :areaId and theme_id = :themeId for update")
    Optional<AreaTheme> findForUpdate(String areaId, String themeId);

    @Query("""
            insert into area_themes (area_id, theme_id, name, description, origin, status)
            values (:areaId, :themeId, :name, :description, :origin, 'active')
            on conflict (area_id, theme_id) do nothing""")
    int add(String areaId, String themeId, String name, @Nullable String description, String origin);

    @Query("""
            update area_themes set name = :name, description = :description
            where area_id = :areaId and theme_id = :themeId and status = 'active'""")
    int describe(String areaId, String themeId, String name, @Nullable String description);

    @Query("""
            update area_themes set status = :status, merged_into = :mergedInto
            where area_id = :areaId and theme_id = :themeId and status = 'active'""")
    int close(String areaId, String themeId, String status, @Nullable String mergedInto);

    /** Takes the area's taxonomy lock: one change at a time, each the next version. */
    @Query("select 1 from (select pg_advisory_xact_lock(hashtext('taxonomy:' || :areaId))) taken")
    Optional<Integer> lock(String areaId);

    @Query("select coalesce(max(version), 0) from taxonomy_versions where area_id = :areaId")
    int latestVersion(String areaId);

    @Query("""
            insert into taxonomy_versions (area_id, version, changed_at, changed_by, change)
            values (:areaId, :version, :changedAt, :changedBy, cast(:change as jsonb))""")
    int recordVersion(String areaId, int version, Instant changedAt, String changedBy,
                      @TypeDef(type = DataType.JSON) Map<String, Object> change);

    @Query("select * from taxonomy_versions where area_id = :areaId order by version desc limit :limit")
    List<TaxonomyVersion> history(String areaId, int limit);

    /** Files every item and correction under the theme a merged one went into. */
    @Query("""
            update moderation_items set themes = array(select distinct t from unnest(array_replace(themes, :from, :into)) t)
            where area_id = :areaId and :from = any (themes)""")
    int repointItems(String areaId, String from, String into);

    @Query("""
            update theme_corrections set corrected_themes = array(select distinct t from unnest(array_replace(corrected_themes, :from, :into)) t)
            where area_id = :areaId and :from = any (corrected_themes)""")
    int repointCorrections(String areaId, String from, String into);

    @Query("""
            select c.area_id, c.content_type, c.content_id, c.corrected_themes, i.moderated_text
            from theme_corrections c
            left join moderation_items i
              on i.area_id = c.area_id and i.content_type = c.content_type and i.content_id = c.content_id
            where c.area_id = :areaId order by c.corrected_at, c.content_type, c.content_id""")
    List<ThemeCorrection> corrections(String areaId);

    @Query("""
            select content_type || ':' || content_id from moderation_items
            where area_id = :areaId and :theme = any (themes) and state not in ('withdrawn', 'erased', 'expired')""")
    List<String> itemsWithTheme(String areaId, String theme);
}
