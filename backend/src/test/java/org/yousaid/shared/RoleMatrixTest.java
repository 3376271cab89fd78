package org.yousaid.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;
import org.yousaid.testing.Contract;
import org.yousaid.testing.Tokens;

/**
 * Who may call what, from the contract: every operation, called by every role of the area, by an
 * administrator of another area, with no token and with a forged one, each time against real
 * resources someone else owns (another family's comment, answer, device and invitation; the
 * area's survey, outcome, indicator, response and theme). What each cell must answer is declared
 * once, in {@link #EXPECTED}; an operation the contract has and the table lacks fails the test, as
 * does a row for an operation the contract no longer has.
 *
 * <p>Cells: {@code A} allowed (past the gate: anything below 500 but 401, 403 and 404), {@code F}
 * 403 (signed in, not allowed), {@code N} 404 (not theirs to see, or not their area), {@code U}
 * 401. Every 401, 403 and 404 must also be a problem with a catalogued code.
 *
 * <p>Reading the table: another area's administrator is refused (403) everywhere in this area
 * until they join it as a family (joining is open, and runs last); another family's comment,
 * answer, device and invitation are 404 to everyone but their owner, staff included (a pending
 * comment is read at the desk, not on the wall); a draft response is 404 to families; an allowed
 * cell may still be a rule's 400 or 409 (the contract's example bodies, or {} where it has none).
 */
@MicronautTest(transactional = false)
class RoleMatrixTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CALLERS = List.of("family", "young_person", "forum_lead", "commissioner",
            "area_admin", "other_area", "no_token", "bad_token");

    /**
     * operationId, then one cell per caller in {@link #CALLERS}' order: family, young person, forum
     * lead, commissioner, area admin, another area's admin, no token, a forged token.
     */
    static final String EXPECTED = """
            health                             AAAAAAAA
            liveness                           AAAAAAAA
            readiness                          AAAAAAAA
            listAreas                          AAAAAAUU
            exportMe                           AAAAAAUU
            exportMeInArea                     AAAAAFUU
            listMyMemberships                  AAAAAAUU
            getMyMembership                    AAAAAFUU
            grantRole                          FFFFAFUU
            listWall                           AAAAAFUU
            postComment                        AAFFFFUU
            getComment                         NNNNNFUU
            withdrawComment                    NNNNNFUU
            addMeToo                           NNFFFFUU
            removeMeToo                        NNFFFFUU
            reviseComment                      NNFFFFUU
            listMyComments                     AAAAAFUU
            listReviewQueue                    FFAFFFUU
            listSurveyTemplates                AAAAAAUU
            getSurveyTemplate                  AAAAAAUU
            listSurveys                        AAAAAFUU
            createSurvey                       FFAAFFUU
            getSurvey                          AAAAAFUU
            saveSurveyDraft                    FFAAFFUU
            publishSurvey                      FFAAFFUU
            retireSurveyVersion                FFAAFFUU
            saveSurveyAnswer                   AAFFFFUU
            getSurveyAnswer                    NNNNNFUU
            listMyAnswers                      AAAAAFUU
            getSurveyResults                   FFAAAFUU
            inviteToSurvey                     FFAAFFUU
            listSurveyInvitations              FFFAAFUU
            getSurveyInvitationSummary         FFAAAFUU
            ehcPlanIssued                      FFFAAFUU
            listMyInvitations                  AAAAAFUU
            openInvitation                     NNNNNFUU
            registerDevice                     AAAAAFUU
            listMyDevices                      AAAAAFUU
            unregisterDevice                   NNNNNFUU
            getOutboxLog                       FFFAAFUU
            listSafeguardingQueue              FFAFFFUU
            handleSafeguardingCase             FFNFFFUU
            escalateSafeguardingCase           FFAFFFUU
            setSafeguardingCriticality         FFAFFFUU
            getAreaSettings                    FFAAAFUU
            putAreaSettings                    FFFFAFUU
            listSupportLines                   AAAAAFUU
            listSimilarTextGroups              FFAFFFUU
            getAreaTaxonomy                    FFAAFFUU
            addAreaTheme                       FFAFFFUU
            getAreaTaxonomyHistory             FFAAFFUU
            describeAreaTheme                  FFAFFFUU
            retireAreaTheme                    FFAFFFUU
            mergeAreaTheme                     FFNFFFUU
            splitAreaTheme                     FFNFFFUU
            getCommentAnalysis                 FFAFFFUU
            getTaggingStatus                   FFAFAFUU
            retagArea                          FFAFAFUU
            listThemeModels                    FFAFAFUU
            retrainThemeModel                  FFAFAFUU
            getModelTraining                   FFNFNFUU
            getReviewQueueCounts               FFAFFFUU
            getReviewItem                      FFAFFFUU
            claimReviewItem                    FFAFFFUU
            releaseReviewItem                  FFAFFFUU
            publishReviewItem                  FFAFFFUU
            markReviewItemRead                 FFAFFFUU
            rejectReviewItem                   FFAFFFUU
            requestChangesToReviewItem         FFAFFFUU
            correctReviewItemThemes            FFAFFFUU
            retagReviewItem                    FFAFFFUU
            listOutcomes                       AAAAAFUU
            createOutcome                      FFFAFFUU
            createIndicator                    FFFAFFUU
            getIndicator                       AAAAAFUU
            putIndicatorValue                  FFFAFFUU
            getIndicatorValueHistory           FFAAAFUU
            listResponses                      AAAAAFUU
            createResponse                     FFFAFFUU
            getResponse                        NNAAAFUU
            updateResponse                     FFFAFFUU
            submitResponseForReview            FFFAFFUU
            signOffResponse                    FFAFFFUU
            sendBackResponse                   FFAFFFUU
            publishResponse                    FFFAFFUU
            getResponseReadability             FFAAAFUU
            listResponseRevisions              NNAAAFUU
            addResponseAction                  FFFAFFUU
            recordActionProgress               FFFAFFUU
            listResponsesToMe                  AAAAAFUU
            getLoopUpdates                     AAAAAFUU
            putLoopUpdates                     AAAAAFUU
            getLoopMetrics                     FFAAAFUU
            getBoardReport                     FFAAAFUU
            listAuditLog                       FFAFAFUU
            joinArea                           AAAAAAUU
            leaveArea                          AAAAAAUU
            eraseMe                            AAAAAAUU
            """;

    @Test
    void everyOperationAnswersEachCallerAsTheTableSays() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        EXPECTED.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
            String[] cells = l.split("\\s+");
            expected.put(cells[0], cells[1]);
        });
        World world = world();
        JsonNode spec = Contract.get().spec();
        List<Call> calls = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getKey().equals("parameters")) {
                    calls.add(new Call(op.getValue().path("operationId").asText(), op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                }
            }
        }
        // Joining (another area's admin may join this one as a family) and what ends a membership or
        // an account go last, so every other cell sees each caller as they were.
        calls.sort(java.util.Comparator.comparing(c -> List.of("joinArea", "leaveArea", "eraseMe").indexOf(c.operationId())));
        Map<String, String> observed = new LinkedHashMap<>();
        Map<String, String> statuses = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        java.util.Set<String> codes = new java.util.HashSet<>();
        spec.at("/components/schemas/ProblemCode/enum").forEach(n -> codes.add(n.asText()));
        Catalogue catalogue = new Catalogue(codes);
        int cells = 0;
        for (Call call : calls) {
            StringBuilder row = new StringBuilder();
            StringBuilder statusRow = new StringBuilder();
            for (String caller : CALLERS) {
                Reply reply = send(world.client(caller).header("Idempotency-Key", UUID.randomUUID().toString()), call,
                        world.fill(call.path()) + call.query(world));
                statusRow.append(' ').append(reply.status());
                cells++;
                char cell = switch (reply.status()) {
                    case 401 -> 'U';
                    case 403 -> 'F';
                    case 404 -> 'N';
                    default -> reply.status() >= 500 ? '!' : 'A';
                };
                row.append(cell);
                if ((cell == 'U' || cell == 'F' || cell == 'N') && !catalogue.has(reply.code())) {
                    failures.add(call.operationId() + " as " + caller + ": " + reply.status() + " with an uncatalogued code " + reply.code());
                }
                String want = expected.get(call.operationId());
                if (want != null && want.charAt(CALLERS.indexOf(caller)) != cell) {
                    failures.add(call.operationId() + " as " + caller + ": expected " + want.charAt(CALLERS.indexOf(caller))
                            + ", got " + reply);
                }
            }
            observed.put(call.operationId(), row.toString());
            statuses.put(call.operationId(), statusRow.toString());
        }
        TreeSet<String> missing = new TreeSet<>(observed.keySet());
        missing.removeAll(expected.keySet());
        TreeSet<String> gone = new TreeSet<>(expected.keySet());
        gone.removeAll(observed.keySet());
        StringBuilder table = new StringBuilder();
        observed.forEach((op, row) -> table.append(String.format("%-34s %s  %s%n", op, row, statuses.get(op))));
        System.out.println("role matrix: " + observed.size() + " operations x " + CALLERS.size() + " callers = " + cells
                + " cells\n" + table);
        assertThat(missing).as("operations the table does not declare").isEmpty();
        assertThat(gone).as("rows for operations the contract no longer has").isEmpty();
        assertThat(failures).isEmpty();
    }

    /** The call as a client makes it; a download (the board report) read as a reply with its problem, if any. */
    private static Reply send(Api client, Call call, String address) throws Exception {
        if (!call.operation().path("responses").path("200").path("content").has("application/pdf")) {
            return client.send(call.method(), address, call.body(), call.body() == null ? null : "application/json");
        }
        Api.Download download = client.download(address);
        JsonNode body = download.contentType().contains("json") ? JSON.readTree(download.body()) : null;
        return new Reply(download.status(), download.headers(), body);
    }

    /** One operation of the contract with the body a client would send (the contract's example, else {}). */
    private record Call(String operationId, String method, String path, JsonNode operation) {
        /** The operation's required query parameters, filled as a client would. */
        String query(World world) {
            StringBuilder query = new StringBuilder();
            for (JsonNode parameter : operation.path("parameters")) {
                JsonNode p = parameter.has("$ref") ? Contract.get().spec().at(parameter.get("$ref").asText().substring(1)) : parameter;
                if (p.path("in").asText().equals("query") && p.path("required").asBoolean()) {
                    query.append(query.isEmpty() ? '?' : '&').append(p.path("name").asText()).append('=')
                            .append(world.values.get(p.path("name").asText()));
                }
            }
            return query.toString();
        }

        String body() {
            JsonNode content = operation.path("requestBody").path("content").path("application/json");
            if (content.isMissingNode()) {
                return null;
            }
            JsonNode example = content.path("example");
            return example.isMissingNode() ? "{}" : example.toString();
        }
    }

    /** The contract's problem codes. */
    private record Catalogue(java.util.Set<String> codes) {
        boolean has(String code) {
            return code != null && codes.contains(code);
        }
    }

    /** The area, its people, the things they own, and how to fill a path with them. */
    private final class World {
        final Map<String, String> uids = new LinkedHashMap<>();
        final Map<String, String> values = new LinkedHashMap<>();

        Api client(String caller) {
            return switch (caller) {
                case "no_token" -> api();
                case "bad_token" -> api().as(Tokens.signedByStranger(uids.get("family")));
                default -> as(uids.get(caller));
            };
        }

        String fill(String template) {
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), UUID.randomUUID().toString())));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    private World world() throws Exception {
        World w = new World();
        String area = fixtures.area();
        String owner = fixtures.member(area, "family");
        for (String role : List.of("family", "young_person", "forum_lead", "commissioner", "area_admin")) {
            w.uids.put(role, fixtures.member(area, role));
        }
        w.uids.put("other_area", fixtures.member(fixtures.area(), "area_admin"));
        String commissioner = w.uids.get("commissioner");
        String path = "/v1/areas/" + area;
        String survey = as(commissioner).post(path + "/surveys", "{\"templateId\":\"equipment\"}").text("id");
        as(commissioner).post(path + "/surveys/" + survey + "/publish", null);
        String comment = postComment(owner, area, "We have waited 14 weeks for a standing frame; the target is 6 weeks.");
        String answer = UUID.randomUUID().toString();
        as(owner).put(path + "/surveys/" + survey + "/answers/" + answer, """
                {"version":1,"submit":true,"answers":{"who":"parent_carer","setting":"school",
                 "item_1":{"category":"seating_standing","identified":"2026-06-01","stillWaiting":true},"more_items":"no"}}""");
        String device = as(owner).post(path + "/me/devices", "{\"token\":\"device-of-the-owner\",\"platform\":\"android\"}").text("id");
        as(commissioner).post(path + "/surveys/" + survey + "/invitations", "{\"allFamilies\":true,\"expiresInDays\":28}");
        String invitation = as(owner).get(path + "/me/invitations").json().path("items").path(0).path("id").asText();
        analyseAll();
        String outcome = as(commissioner).post(path + "/outcomes", "{\"title\":\"Children get the equipment they need in time\"}").text("id");
        String indicator = as(commissioner).post(path + "/outcomes/" + outcome + "/indicators", """
                {"title":"Equipment delivered within 6 weeks","kind":"how_well","unit":"%","polarity":"higher_is_better",
                 "periodKind":"quarter","target":{"period":"2027-Q4","value":90}}""").text("id");
        Reply taxonomy = as(w.uids.get("forum_lead")).get(path + "/moderation/themes");
        String theme = taxonomy.json().path("themes").path(0).path("themeId").asText(null);
        assertThat(theme).as(taxonomy.toString()).isNotNull();
        assertThat(invitation).isNotEmpty();
        Reply response = as(commissioner).post(path + "/responses", """
                {"title":"Equipment without the long wait","summary":"Families told us they wait months for wheelchairs.",
                 "weDid":"We have added a second wheelchair clinic.","themes":["%s"],"from":"%s","to":"%s","comments":[],"answers":[]}"""
                .formatted(theme, LocalDate.now().minusDays(30), LocalDate.now()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String responseId = response.text("id");
        String action = as(commissioner).post(path + "/responses/" + responseId + "/actions",
                "{\"text\":\"A second wheelchair clinic\",\"owner\":\"nhs\",\"startsOn\":\"%s\",\"dueOn\":\"%s\"}"
                        .formatted(LocalDate.now(), LocalDate.now().plusMonths(3))).text("id");
        w.values.putAll(Map.ofEntries(Map.entry("areaId", area), Map.entry("uid", "someone-new"),
                Map.entry("commentId", comment), Map.entry("surveyId", survey), Map.entry("answerId", answer),
                Map.entry("deviceId", device), Map.entry("invitationId", invitation), Map.entry("outcomeId", outcome),
                Map.entry("indicatorId", indicator), Map.entry("period", "2026-Q3"), Map.entry("responseId", responseId),
                Map.entry("actionId", action), Map.entry("themeId", theme), Map.entry("templateId", "equipment"),
                Map.entry("version", "1"), Map.entry("number", "1"), Map.entry("contentType", "comment"),
                Map.entry("contentId", comment), Map.entry("theme", theme), Map.entry("quarter", "2026-Q3")));
        System.out.println("role matrix world: " + w.values);
        return w;
    }
}
