package org.yousaid.survey;

import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.yousaid.content.ContentType;
import org.yousaid.content.ContentVoices;
import org.yousaid.content.VoiceRow;

/** A submitted answer set's respondent (answers cannot be seconded). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AnswerVoices extends ContentVoices, GenericRepository<AnswerVoices.AnswerRow, UUID> {

    /** Only so Micronaut Data has an entity for the repository; queries project to {@link VoiceRow}. */
    @MappedEntity("survey_answers")
    record AnswerRow(@Id UUID id) {
    }

    @Override
    default ContentType contentType() {
        return ContentType.SURVEY_ANSWER;
    }

    @Override
    default List<Voice> voices(String areaId, Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : voiceRows(areaId, ids).stream()
                .map(r -> new Voice(r.contentId(), r.uid(), r.author())).toList();
    }

    @Query("""
            select id as content_id, respondent_uid as uid, true as author from survey_answers
            where area_id = :areaId and id in (:ids) and status = 'submitted'""")
    List<VoiceRow> voiceRows(String areaId, Collection<UUID> ids);
}
