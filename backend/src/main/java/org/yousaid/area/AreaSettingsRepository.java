package org.yousaid.area;

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

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AreaSettingsRepository extends GenericRepository<AreaSettings, String> {

    @Query("select * from area_settings where area_id = :areaId")
    Optional<AreaSettings> find(String areaId);

    @Query("""
            insert into area_settings (area_id, safeguarding_contact, support_lines, updated_at, updated_by)
            values (:areaId, cast(:contact as jsonb), cast(:supportLines as jsonb), :updatedAt, :updatedBy)
            on conflict (area_id) do update set safeguarding_contact = excluded.safeguarding_contact,
                support_lines = excluded.support_lines, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
    int save(String areaId, @Nullable @TypeDef(type = DataType.JSON) SafeguardingContact contact,
             @TypeDef(type = DataType.JSON) List<SupportLine> supportLines, Instant updatedAt, String updatedBy);

    @Query("""
            insert into area_settings (area_id, safeguarding_contact, support_lines, updated_at, updated_by)
            values (:areaId, cast(:contact as jsonb), cast(:supportLines as jsonb), :updatedAt, :updatedBy)
            on conflict (area_id) do nothing""")
    int saveIfAbsent(String areaId, @Nullable @TypeDef(type = DataType.JSON) SafeguardingContact contact,
                     @TypeDef(type = DataType.JSON) List<SupportLine> supportLines, Instant updatedAt, String updatedBy);

    @Query("""
            update area_settings set privacy_notice_url = :url, privacy_notice_updated_on = cast(:updatedOn as date)
            where area_id = :areaId""")
    int savePrivacyNotice(String areaId, String url, @Nullable java.time.LocalDate updatedOn);

    @Query("select * from area_settings where area_id in (:areaIds) and privacy_notice_url is not null")
    List<AreaSettings> withPrivacyNotice(java.util.Collection<String> areaIds);
}
