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
 * V7 turns every stored safeguarding flag into a case: migrated from V6 in a schema of its own on
 * the tests' real PostgreSQL, with flags of both content types and a comment published after a
 * confirmed review.
 */
@MicronautTest(transactional = false)
class SafeguardingCasesMigrationTest {

    @Inject
    MigrationSchemas schemas;

    @Test
    void everyStoredFlagBecomesACaseAndConfirmedReviewsAreHandled() throws SQLException {
        UUID reviewed = UUID.randomUUID();
        UUID neverSeen = UUID.randomUUID();
        UUID answer = UUID.randomUUID();
        UUID notFlagged = UUID.randomUUID();
        try (MigrationSchema schema = schemas.create()) {
            schema.migrateTo("6");
            try (Connection c = schema.connect(); Statement s = c.createStatement()) {
                s.execute("insert into areas (id, name) values ('area-one', 'Area')");
                for (String[] row : new String[][] {
                        {"comment", reviewed.toString(), "true"}, {"comment", neverSeen.toString(), "true"},
                        {"survey_answer", answer.toString(), "true"}, {"comment", notFlagged.toString(), "false"}}) {
                    s.execute("insert into content_tags (area_id, content_type, content_id, model_version, themes, redactions, "
                            + "safeguarding_flagged, safeguarding_reasons, tagged_at) values ('area-one', '" + row[0] + "', '" + row[1]
                            + "', 'r3', '[]', '[]', " + row[2] + ", '[]', now())");
                }
                s.execute("insert into audit_log (area_id, id, at, actor_uid, action, content_type, content_id, detail) values "
                        + "('area-one', gen_random_uuid(), now(), 'lead-1', 'comment.publish', 'comment', '" + reviewed
                        + "', '{\"edited\":\"false\",\"safeguardingFlagged\":\"true\"}')");
            }

            schema.migrateTo("latest");

            List<String> cases = new ArrayList<>();
            try (Connection c = schema.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select content_type, content_id, status, handled_by from safeguarding_cases "
                         + "order by content_type, status")) {
                while (rs.next()) {
                    cases.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
            }
            assertThat(cases).containsExactly(
                    "comment " + reviewed + " handled lead-1",
                    "comment " + neverSeen + " new null",
                    "survey_answer " + answer + " new null");
        }
    }


}
