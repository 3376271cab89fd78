package org.yousaid.tagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An area's retrainings and the model in use; every statement names the area. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ThemeModelRepository extends GenericRepository<ModelTraining, Integer> {

    String COLUMNS = """
            area_id, number, status, requested_by, requested_at, finished_at, base_version, data_sha256, version, corrections,
            held_back, figures, reason, active""";

    /** Numbers retrainings 1, 2, …; does nothing while the area has one running (its unique index). */
    @Query("""
            insert into area_theme_models (area_id, number, status, requested_by, requested_at, base_version, data_sha256)
            select :areaId, coalesce(max(number), 0) + 1, 'training', :requestedBy, :requestedAt, :baseVersion, :dataSha256
            from area_theme_models where area_id = :areaId
            on conflict do nothing""")
    int start(String areaId, String requestedBy, Instant requestedAt, String baseVersion, String dataSha256);

    /** A finished retraining on this data against this model, if there is one. */
    @Query("select " + COLUMNS + """
             from area_theme_models
            where area_id = :areaId and base_version = :baseVersion and data_sha256 = :dataSha256
              and status in ('switched', 'kept')
            order by number desc limit 1""")
    Optional<ModelTraining> sameAs(String areaId, String baseVersion, String dataSha256);

    /** The retraining that made the model in use. */
    @Query("select " + COLUMNS + " from area_theme_models where area_id = :areaId and active")
    Optional<ModelTraining> activeTraining(String areaId);

    @Query("select " + COLUMNS + " from area_theme_models where area_id = :areaId and status = 'training'")
    Optional<ModelTraining> running(String areaId);

    @Query("select " + COLUMNS + " from area_theme_models where area_id = :areaId and number = :number")
    Optional<ModelTraining> find(String areaId, int number);

    @Query("select " + COLUMNS + """
             from area_theme_models where area_id = :areaId and number < :before
            order by number desc limit :limit""")
    List<ModelTraining> page(String areaId, int before, int limit);

    @Query("""
            update area_theme_models
            set status = :status, finished_at = :finishedAt, version = :version, corrections = :corrections,
                held_back = :heldBack, figures = cast(:figures as jsonb), reason = :reason
            where area_id = :areaId and number = :number and status = 'training'""")
    int finish(String areaId, int number, String status, Instant finishedAt, @Nullable String version,
               @Nullable Integer corrections, @Nullable Integer heldBack,
               @Nullable @TypeDef(type = DataType.JSON) ModelTraining.TrainingFigures figures, @Nullable String reason);

    /** The model in use stops being kept: only the area's current model lives in the database. */
    @Query("update area_theme_models set active = false, model = null where area_id = :areaId and active")
    int retireActive(String areaId);

    @Query("""
            update area_theme_models set active = true, model = :model, themes = :themes
            where area_id = :areaId and number = :number and status = 'switched'""")
    int activate(String areaId, int number, @TypeDef(type = DataType.BYTE_ARRAY) byte[] model,
                 @TypeDef(type = DataType.STRING_ARRAY) String[] themes);

    @Query("select area_id, number, version, themes from area_theme_models where area_id = :areaId and active")
    Optional<ActiveThemeModel> active(String areaId);

    @Query("select area_id, number, model from area_theme_models where area_id = :areaId and number = :number and active")
    Optional<PackedThemeModel> packed(String areaId, int number);

    /** A retraining whose server stopped mid-way never finishes by itself. */
    @Query("""
            update area_theme_models set status = 'failed', finished_at = :now,
                   reason = 'The server stopped before the retraining finished.'
            where area_id = :areaId and status = 'training' and requested_at < :staleBefore""")
    int abandonStale(String areaId, Instant staleBefore, Instant now);
}
