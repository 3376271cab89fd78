package org.yousaid.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.MigrationSchema;
import org.yousaid.testing.MigrationSchemas;

/**
 * V21 asks nothing of answers given before families were asked whether they may be quoted: migrated
 * from V20 in a schema of its own, an answer a forum lead had approved for quoting has no consent
 * (so PublishedWords shows it nowhere), and the approval itself is kept for the record.
 */
@MicronautTest(transactional = false)
class QuoteConsentMigrationTest {

    @Inject
    MigrationSchemas schemas;

    @Test
    void answersGivenBeforeTheQuestionHaveNoConsentAndTheirApprovalIsKept() throws SQLException {
        UUID survey = UUID.randomUUID();
        UUID approved = UUID.randomUUID();
        try (MigrationSchema schema = schemas.create()) {
            schema.migrateTo("20");
            try (Connection c = schema.connect(); Statement s = c.createStatement()) {
                s.execute("insert into areas (id, name) values ('area-one', 'Area')");
                s.execute("insert into surveys (area_id, id, kind, created_by, created_at) values ('area-one', '" + survey
                        + "', 'other', 'c', now())");
                s.execute("insert into survey_versions (area_id, survey_id, version, status, definition, created_at, published_at)"
                        + " values ('area-one', '" + survey + "', 1, 'published', '{}', now(), now())");
                s.execute("insert into survey_answers (area_id, id, survey_id, version, respondent_uid, respondent_role, status,"
                        + " answers, request_hash, started_at, updated_at, submitted_at) values ('area-one', '" + approved + "', '"
                        + survey + "', 1, 'fam', 'family', 'submitted', '{\"words\": \"We waited.\"}', 'h', now(), now(), now())");
                s.execute("insert into moderation_items (area_id, content_type, content_id, author_role, state, submitted_at,"
                        + " tagged, moderated_text, decided_at, decided_by) values ('area-one', 'survey_answer', '" + approved
                        + "', 'family', 'published', now(), true, 'We waited.', now(), 'lead')");
            }

            schema.migrateTo("latest");

            try (Connection c = schema.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select a.quote_consent, m.state, m.moderated_text from survey_answers a"
                         + " join moderation_items m on m.area_id = a.area_id and m.content_id = a.id where a.id = '" + approved + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isFalse();
                assertThat(rs.getString(2)).isEqualTo("published");
                assertThat(rs.getString(3)).isEqualTo("We waited.");
            }
        }
    }
}
