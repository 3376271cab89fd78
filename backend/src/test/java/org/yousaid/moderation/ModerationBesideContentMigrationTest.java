package org.yousaid.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.yousaid.testing.MigrationSchema;
import org.yousaid.testing.MigrationSchemas;
import org.junit.jupiter.api.Test;

/**
 * V8 moves review state out of comments into moderation_items: every comment's state, reason and
 * decision come along, the wall keeps what was published, and submitted survey answers with free
 * text join the queue. Migrated from V7 in a schema of its own on the tests' real PostgreSQL.
 */
@MicronautTest(transactional = false)
class ModerationBesideContentMigrationTest {

    @Inject
    MigrationSchemas schemas;

    @Test
    void everyCommentsReviewMovesToModerationAndTheWallKeepsWhatWasPublished() throws SQLException {
        UUID pending = UUID.randomUUID();
        UUID published = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        UUID survey = UUID.randomUUID();
        UUID answer = UUID.randomUUID();
        UUID silentAnswer = UUID.randomUUID();
        try (MigrationSchema schema = schemas.create()) {
            schema.migrateTo("7");
            try (Connection c = schema.connect(); Statement s = c.createStatement()) {
                s.execute("insert into areas (id, name) values ('area-one', 'Area')");
                s.execute(comment(pending, "'pending_review'", "'Waiting.'", "null", "null", "null"));
                s.execute(comment(published, "'published'", "'Amelia waited.'", "'[person] waited.'", "now()", "null"));
                s.execute(comment(rejected, "'rejected'", "'Names a teacher.'", "null", "now()", "'Names a teacher.'"));
                s.execute("insert into comments (area_id, id, author_uid, author_role, body, status, idempotency_key, request_hash,"
                        + " submitted_at, withdrawn_at) values ('area-one', '" + withdrawn + "', 'fam', 'family', null, 'withdrawn', "
                        + "gen_random_uuid(), 'h', now(), now())");
                s.execute("insert into content_tags (area_id, content_type, content_id, model_version, themes, sentiment, redactions,"
                        + " safeguarding_flagged, safeguarding_reasons, tagged_at) values ('area-one', 'comment', '" + pending
                        + "', 'r3', '[{\"theme\":\"waiting_times\",\"name\":\"Waiting times\",\"score\":0.9}]', 4, '[]', false, '[]', now())");
                s.execute("insert into surveys (area_id, id, kind, created_by, created_at) values ('area-one', '" + survey
                        + "', 'other', 'c', now())");
                s.execute("insert into survey_versions (area_id, survey_id, version, status, definition, created_at, published_at)"
                        + " values ('area-one', '" + survey + "', 1, 'published', '{}', now(), now())");
                for (UUID a : List.of(answer, silentAnswer)) {
                    s.execute("insert into survey_answers (area_id, id, survey_id, version, respondent_uid, respondent_role, status,"
                            + " answers, request_hash, started_at, updated_at, submitted_at) values ('area-one', '" + a + "', '" + survey
                            + "', 1, 'fam', 'young_person', 'submitted', '{}', 'h', now(), now(), now())");
                }
                s.execute("insert into content_tags (area_id, content_type, content_id, model_version, themes, redactions,"
                        + " safeguarding_flagged, safeguarding_reasons, tagged_at) values ('area-one', 'survey_answer', '" + answer
                        + "', 'r3', '[]', '[]', true, '[]', now())");
            }

            schema.migrateTo("latest");

            List<String> items = new ArrayList<>();
            List<String> wall = new ArrayList<>();
            try (Connection c = schema.connect(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select content_id, state, coalesce(reason, '-'), coalesce(moderated_text, '-'),"
                        + " array_to_string(themes, ','), flagged, tagged from moderation_items order by submitted_at, content_id")) {
                    while (rs.next()) {
                        items.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                                + rs.getString(5) + " " + rs.getBoolean(6) + " " + rs.getBoolean(7));
                    }
                }
                try (ResultSet rs = s.executeQuery("select id, published_body from comments where published_at is not null")) {
                    while (rs.next()) {
                        wall.add(rs.getString(1) + " " + rs.getString(2));
                    }
                }
                try (ResultSet rs = s.executeQuery("select count(*) from information_schema.columns where table_schema = '"
                        + schema.name() + "' and table_name = 'comments' and column_name in ('status', 'rejection_reason', 'decided_by')")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
            }
            assertThat(items).containsExactlyInAnyOrder(
                    pending + " pending_review - - waiting_times false true",
                    published + " published - [person] waited.  false false",
                    rejected + " rejected Names a teacher. -  false false",
                    withdrawn + " withdrawn - -  false false",
                    answer + " pending_review - -  true true");
            assertThat(wall).containsExactly(published + " [person] waited.");
        }
    }

    private static String comment(UUID id, String status, String body, String publishedBody, String decidedAt, String reason) {
        return "insert into comments (area_id, id, author_uid, author_role, body, published_body, status, idempotency_key,"
                + " request_hash, submitted_at, decided_at, decided_by, rejection_reason) values ('area-one', '" + id
                + "', 'fam', 'family', " + body + ", " + publishedBody + ", " + status + ", gen_random_uuid(), 'h', now(), "
                + decidedAt + ", " + (decidedAt.equals("null") ? "null" : "'lead'") + ", " + reason + ")";
    }


}
