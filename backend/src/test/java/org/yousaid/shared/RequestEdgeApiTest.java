package org.yousaid.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;
import org.yousaid.testing.Tokens;

/**
 * What a stranger sends: every refusal is a 4xx problem with a stable code, never a 500, and
 * nothing half-read is stored.
 */
@MicronautTest(transactional = false)
class RequestEdgeApiTest extends ApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    String area;
    String family;
    String forumLead;
    String commissioner;
    String admin;

    @BeforeEach
    void setUp() {
        area = fixtures.area();
        family = fixtures.member(area, "family");
        forumLead = fixtures.member(area, "forum_lead");
        commissioner = fixtures.member(area, "commissioner");
        admin = fixtures.member(area, "area_admin");
    }

    Reply postComment(String json) {
        return as(family).header("Idempotency-Key", UUID.randomUUID().toString()).post("/v1/areas/" + area + "/comments", json);
    }

    long comments() {
        return fixtures.count("select count(*) from comments where area_id = ?", area);
    }

    @Test
    void aNulCharacterAnywhereIsRefusedWithA400NotA500() {
        // In a path segment: an area id, a member uid.
        assertThat(as(family).get("/v1/areas/de%00mo/comments").code()).isEqualTo("request.invalid_parameter");
        assertThat(as(admin).put("/v1/areas/" + area + "/members/x%00y", json("role", "forum_lead")).code())
                .isEqualTo("request.invalid_parameter");
        assertThat(as(family).get("/v1/areas/" + area + "/comments?cursor=a%00b").code()).isEqualTo("request.invalid_parameter");
        // In a body: a comment, an event id, a family uid, a survey title, a question's text, invitation uids.
        Reply comment = postComment("{\"body\":\"before\\u0000after\"}");
        assertThat(comment.status()).isEqualTo(400);
        assertThat(comment.code()).isEqualTo("request.invalid");
        assertThat(comment.json().path("errors").path("body").asText()).contains("NUL");
        Reply event = as(commissioner).post("/v1/areas/" + area + "/events/ehc-plan-issued",
                "{\"eventId\":\"case\\u0000-1\",\"familyUid\":\"" + family + "\",\"issuedOn\":\"2026-01-05\"}");
        assertThat(event.code()).isEqualTo("request.invalid");
        assertThat(as(commissioner).post("/v1/areas/" + area + "/events/ehc-plan-issued",
                "{\"eventId\":\"case-1\",\"familyUid\":\"fam\\u0000ily\",\"issuedOn\":\"2026-01-05\"}").code()).isEqualTo("request.invalid");
        Reply survey = as(commissioner).post("/v1/areas/" + area + "/surveys",
                "{\"definition\":{\"title\":\"T\\u0000\",\"questions\":[{\"id\":\"q\",\"type\":\"free_text\",\"text\":\"Why\\u0000?\"}]}}");
        assertThat(survey.code()).isEqualTo("request.invalid");
        assertThat(survey.json().path("errors").has("definition.title")).isTrue();
        assertThat(survey.json().path("errors").has("definition.questions[0].text")).isTrue();
        assertThat(as(commissioner).post("/v1/areas/" + area + "/surveys/" + UUID.randomUUID() + "/invitations",
                "{\"uids\":[\"a\\u0000\"]}").code()).isEqualTo("request.invalid");
        // Half a surrogate pair cannot be stored either.
        assertThat(postComment("{\"body\":\"broken \\ud83d pair\"}").code()).isEqualTo("request.invalid");
        assertThat(comments()).isZero();
        assertThat(fixtures.count("select count(*) from ehc_plan_events where area_id = ?", area)).isZero();
    }

    @Test
    void theDatabaseNeverClaimsAnOutageThatIsNotOne() {
        assertThat(DatabaseProblems.problemFor("22021")).isEqualTo(RequestProblem.INVALID);
        assertThat(DatabaseProblems.problemFor("22008")).isEqualTo(RequestProblem.INVALID);
        assertThat(DatabaseProblems.problemFor("22P05")).isEqualTo(RequestProblem.INVALID);
        assertThat(DatabaseProblems.problemFor("XX000")).isEqualTo(RequestProblem.INTERNAL);
        assertThat(DatabaseProblems.problemFor("42P01")).isEqualTo(RequestProblem.INTERNAL);
        assertThat(DatabaseProblems.problemFor("08006")).isEqualTo(RequestProblem.UNAVAILABLE);
        assertThat(DatabaseProblems.problemFor("57P01")).isEqualTo(RequestProblem.UNAVAILABLE);
        assertThat(DatabaseProblems.problemFor("53300")).isEqualTo(RequestProblem.UNAVAILABLE);
    }

    @Test
    void jsonIsReadExactlyAsTheContractTypesIt() {
        Map<String, String> refused = Map.of(
                "{\"body\": 5}", "request.invalid",
                "{\"body\": true}", "request.invalid",
                "{\"body\": [\"one item\"]}", "request.invalid",
                "{\"body\": \"trailing\",}", "request.malformed_json",
                "{\"body\": \"a\", \"body\": \"b\"}", "request.malformed_json",
                "{\"body\": \"a\"} {\"body\": \"b\"}", "request.malformed_json",
                "{\"body\": \"a\" /* note */}", "request.malformed_json",
                "{\"body\": \"a\", \"extra\": 1}", "request.unknown_field");
        refused.forEach((body, code) -> {
            Reply reply = postComment(body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.code()).as(body).isEqualTo(code);
        });
        Reply number = postComment("{\"body\": 5}");
        assertThat(number.json().path("errors").path("body").asText()).as(number.toString()).isEqualTo("must be a string");
        assertThat(comments()).isZero();
    }

    @Test
    void jsonAfterAByteOrderMarkIsRefused() {
        Reply reply = postComment("\uFEFF{\"body\": \"The wheelchair service took 30 weeks.\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("request.malformed_json");
        assertThat(comments()).isZero();
    }

    @Test
    void queryValuesAreReadAsTheContractTypesThem() {
        String queue = "/v1/areas/" + area + "/moderation/queue";
        Reply emptyLimit = as(family).get("/v1/areas/" + area + "/comments?limit=");
        Reply emptyCursor = as(forumLead).get(queue + "?cursor=");
        Reply yes = as(forumLead).get(queue + "?flagged=yes");
        Reply one = as(forumLead).get(queue + "?flagged=1");

        assertThat(emptyLimit.status()).as(emptyLimit.toString()).isEqualTo(400);
        assertThat(emptyLimit.code()).isEqualTo("request.invalid_parameter");
        assertThat(emptyLimit.json().path("errors").has("limit")).isTrue();
        assertThat(emptyCursor.code()).isEqualTo("request.invalid_parameter");
        assertThat(yes.status()).as(yes.toString()).isEqualTo(400);
        assertThat(yes.code()).isEqualTo("request.invalid_parameter");
        assertThat(yes.json().path("errors").path("flagged").asText()).isEqualTo("must be true or false");
        assertThat(one.code()).isEqualTo("request.invalid_parameter");
        assertThat(as(forumLead).get(queue + "?flagged=true&limit=5").status()).isEqualTo(200);
    }

    @Test
    void surveyAnswersAreTypedStrictly() {
        String survey = as(commissioner).post("/v1/areas/" + area + "/surveys", "{\"templateId\":\"equipment\"}").text("id");
        as(commissioner).post("/v1/areas/" + area + "/surveys/" + survey + "/publish", null);
        String path = "/v1/areas/" + area + "/surveys/" + survey + "/answers/";

        Reply submitFive = as(family).put(path + UUID.randomUUID(), "{\"version\":1,\"submit\":5,\"answers\":{}}");
        Reply fractional = as(family).put(path + UUID.randomUUID(), "{\"version\":1.5,\"submit\":false,\"answers\":{}}");
        Reply textVersion = as(family).put(path + UUID.randomUUID(), "{\"version\":\"1\",\"answers\":{}}");

        assertThat(submitFive.code()).isEqualTo("request.invalid");
        assertThat(submitFive.json().path("errors").path("submit").asText()).isEqualTo("must be true or false");
        assertThat(fractional.json().path("errors").path("version").asText()).isEqualTo("must be a whole number");
        assertThat(textVersion.code()).isEqualTo("request.invalid");
        assertThat(fixtures.count("select count(*) from survey_answers where area_id = ?", area)).isZero();
    }

    @Test
    void aBodyWithoutAContentTypeIsRefused() {
        Reply reply = as(family).header("Idempotency-Key", UUID.randomUUID().toString())
                .send("POST", "/v1/areas/" + area + "/comments", "{\"body\":\"No type\"}", null);
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.code()).isEqualTo("request.unsupported_media_type");
        assertThat(as(family).header("Idempotency-Key", UUID.randomUUID().toString())
                .send("POST", "/v1/areas/" + area + "/comments", "body=text", "text/plain").status()).isEqualTo(415);
        assertThat(comments()).isZero();
    }

    @Test
    void aCommentOfInvisibleCharactersIsEmpty() {
        for (String invisible : new String[] {"\\u200b\\u200b\\u200b", "\\u2060 \\ufeff", "\\u3164", "\\u00a0\\u200d"}) {
            Reply reply = postComment("{\"body\":\"" + invisible + "\"}");
            assertThat(reply.code()).as(invisible).isEqualTo("wall.comment_empty");
        }
        assertThat(postComment("{\"body\":\"\\u200bStill words\\u200b\"}").status()).isEqualTo(201);
    }

    @Test
    void datesOutsideASaneRangeAreFieldErrorsAndCannotBreakResults() {
        String survey = as(commissioner).post("/v1/areas/" + area + "/surveys", "{\"templateId\":\"equipment\"}").text("id");
        as(commissioner).post("/v1/areas/" + area + "/surveys/" + survey + "/publish", null);
        String path = "/v1/areas/" + area + "/surveys/" + survey + "/answers/";
        for (String date : new String[] {"0000-01-01", "-0001-06-01", "1900-01-01", "+10000-01-01"}) {
            Reply reply = as(family).put(path + UUID.randomUUID(), "{\"version\":1,\"submit\":true,\"answers\":{"
                    + "\"who\":\"parent_carer\",\"setting\":\"school\",\"item_1\":{\"category\":\"seating_standing\","
                    + "\"identified\":\"" + date + "\",\"stillWaiting\":true},\"more_items\":\"no\"}}");
            assertThat(reply.code()).as(date).isEqualTo("survey.answer_invalid");
            assertThat(reply.json().path("errors").path("item_1").asText()).as(date).contains("last 30 years");
        }
        // An item stored before the check existed: the results are still readable.
        fixtures.execute("""
                insert into survey_answers (area_id, id, survey_id, version, respondent_uid, respondent_role, status, answers,
                    request_hash, started_at, updated_at, submitted_at)
                values (?, gen_random_uuid(), ?::uuid, 1, ?, 'family', 'submitted',
                    '{"item_1": {"category": "seating_standing", "identified": "0000-01-01", "stillWaiting": true}}', 'h',
                    now(), now(), now())""", area, survey, family);
        Reply results = as(commissioner).get("/v1/areas/" + area + "/surveys/" + survey + "/results");
        assertThat(results.status()).isEqualTo(200);

        Reply event = as(commissioner).post("/v1/areas/" + area + "/events/ehc-plan-issued",
                "{\"eventId\":\"case-9\",\"familyUid\":\"" + family + "\",\"issuedOn\":\"0000-01-01\"}");
        assertThat(event.code()).isEqualTo("survey.invitation_invalid");
        assertThat(event.json().path("errors").has("issuedOn")).isTrue();
        assertThat(as(commissioner).post("/v1/areas/" + area + "/events/ehc-plan-issued",
                "{\"eventId\":\"case-9\",\"familyUid\":\"" + family + "\",\"issuedOn\":\"" + LocalDate.of(2010, 1, 1) + "\"}")
                .json().path("errors").has("issuedOn")).isTrue();
    }

    @Test
    void oversizedAddressesAndHeadersGetTheirOwnStatuses() throws IOException {
        String longPath = "/v1/areas/" + area + "/comments?cursor=" + "a".repeat(10_000);
        RawReply uri = raw("GET " + longPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(uri.status()).as(uri.head() + new String(uri.body(), StandardCharsets.UTF_8)).isEqualTo(414);
        assertThat(uri.code()).isEqualTo("request.uri_too_long");

        RawReply header = raw("GET /v1/areas/" + area + "/comments HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(header.status()).isEqualTo(431);
        assertThat(header.code()).isEqualTo("request.headers_too_large");
    }

    @Test
    void aControlCharacterInAuthorizationIsNotCalledBadJson() throws IOException {
        RawReply reply = raw("GET /v1/areas/" + area + "/comments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Tokens.idToken(family).substring(0, 20) + "\u0001x\r\nConnection: close\r\n\r\n");
        assertThat(reply.status()).isBetween(400, 401);
        assertThat(reply.code()).isNotEqualTo("request.malformed_json").isIn("request.malformed", "auth.token_invalid");
    }

    @Test
    void responsesAreGzippedOrPlainNeverAnEncodingClientsCannotRead() throws IOException {
        for (String accept : new String[] {"*", "br, zstd, snappy", "gzip;q=0.5, *;q=0.1", "snappy, *"}) {
            RawReply reply = raw("GET /v1/survey-templates HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Tokens.idToken(family) + "\r\nAccept-Encoding: " + accept + "\r\nConnection: close\r\n\r\n");
            assertThat(reply.status()).as(accept).isEqualTo(200);
            assertThat(reply.header("content-encoding")).as(accept).isIn(null, "gzip", "deflate");
        }
    }

    record RawReply(int status, String head, byte[] body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        String code() {
            try {
                JsonNode json = JSON.readTree(body);
                return json.path("code").asText(null);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** A request the JDK's client would refuse to send, written straight to the socket. */
    RawReply raw(String request) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            byte[] bytes = all.toByteArray();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new RawReply(Integer.parseInt(head.split(" ")[1]), head, body);
        }
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = i;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(chunked, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
