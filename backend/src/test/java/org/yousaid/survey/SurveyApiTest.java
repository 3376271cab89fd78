package org.yousaid.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;

@MicronautTest(transactional = false)
class SurveyApiTest extends ApiTest {

    /** One question of every type, with a show-if, for the validation tests. */
    static final String EVERY_TYPE = """
            {"title": "Every question type", "kind": "other", "questions": [
              {"id": "who", "type": "single_choice", "text": "Who?", "required": true,
               "options": [{"id": "parent_carer", "label": "Parent"}, {"id": "young_person", "label": "Young person"}]},
              {"id": "services", "type": "multiple_choice", "text": "Which?", "maxSelected": 2,
               "options": [{"id": "salt", "label": "SaLT"}, {"id": "ot", "label": "OT"}, {"id": "physio", "label": "Physio"}]},
              {"id": "listened", "type": "likert", "text": "I was listened to.", "required": true},
              {"id": "i_equipment", "type": "i_statement", "text": "I get the equipment I need in time.", "outcome": "equipment_in_time"},
              {"id": "weeks", "type": "number", "text": "How many weeks?", "unit": "weeks", "min": 0, "max": 260, "integer": true},
              {"id": "requested", "type": "date", "text": "When?"},
              {"id": "why", "type": "free_text", "text": "Why?", "maxLength": 50},
              {"id": "item", "type": "equipment_item", "text": "Equipment", "targetWeeks": 6,
               "categories": [{"id": "seating_standing", "label": "Seating"}, {"id": "wheelchairs", "label": "Wheelchairs"}]},
              {"id": "young_view", "type": "free_text", "text": "Your own words", "required": true,
               "showIf": {"question": "who", "in": ["young_person"]}}
            ]}""";

    String area;
    String family;
    String forumLead;
    String commissioner;

    @BeforeEach
    void setUp() {
        area = fixtures.area();
        family = fixtures.member(area, "family");
        forumLead = fixtures.member(area, "forum_lead");
        commissioner = fixtures.member(area, "commissioner");
    }

    String surveys() {
        return "/v1/areas/" + area + "/surveys";
    }

    String publishedSurvey(String definition) {
        Reply created = as(commissioner).post(surveys(), "{\"definition\":" + definition + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(as(commissioner).post(surveys() + "/" + id + "/publish", null).status()).isEqualTo(200);
        return id;
    }

    Reply answer(String uid, String surveyId, String answerId, int version, String answers, boolean submit) {
        return as(uid).put(surveys() + "/" + surveyId + "/answers/" + answerId,
                "{\"version\":" + version + ",\"submit\":" + submit + ",\"answers\":" + answers + "}");
    }

    @Test
    void theShippedTemplatesAreValidAndCanStartASurvey() {
        Reply list = as(family).get("/v1/survey-templates");
        assertThat(list.json().path("items")).hasSize(4);
        assertThat(list.json().path("items").findValuesAsText("kind"))
                .containsExactly("ehc_plan", "equipment", "annual_impact", "i_statements");
        JsonNode statements = as(family).get("/v1/survey-templates/i-statements").json().path("definition").path("questions");
        long iStatements = 0;
        for (JsonNode q : statements) {
            iStatements += q.path("type").asText().equals("i_statement") ? 1 : 0;
        }
        assertThat(iStatements).isGreaterThanOrEqualTo(12);
        assertThat(as(family).get("/v1/survey-templates/nope").code()).isEqualTo("survey.template_not_found");

        Reply created = as(forumLead).post(surveys(), "{\"templateId\":\"equipment\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("kind")).isEqualTo("equipment");
        assertThat(created.json().path("draftVersion").asInt()).isEqualTo(1);
        assertThat(created.json().path("publishedVersion").isNull()).isTrue();
    }

    @Test
    void definitionsAreCheckedAgainstTheSchemaAndTheRules() {
        Reply badType = as(commissioner).post(surveys(), """
                {"definition": {"title": "x", "questions": [{"id": "q", "type": "slider", "text": "?"}]}}""");
        assertThat(badType.code()).isEqualTo("survey.definition_invalid");
        assertThat(badType.json().path("errors").size()).isPositive();
        Reply optionsOnLikert = as(commissioner).post(surveys(), """
                {"definition": {"title": "x", "questions": [{"id": "q", "type": "likert", "text": "?",
                  "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}]}}""");
        assertThat(optionsOnLikert.code()).isEqualTo("survey.definition_invalid");
        // An empty list a type does not use is what generated clients send back: dropped, not refused.
        Reply emptyOptions = as(commissioner).post(surveys(), """
                {"definition": {"title": "x", "questions": [{"id": "q", "type": "likert", "text": "?", "options": [],
                  "categories": []}]}}""");
        assertThat(emptyOptions.status()).isEqualTo(201);
        assertThat(emptyOptions.json().path("versions").get(0).path("definition").path("questions").get(0).has("options")).isFalse();
        Reply laterShowIf = as(commissioner).post(surveys(), """
                {"definition": {"title": "x", "questions": [
                  {"id": "a", "type": "likert", "text": "?", "showIf": {"question": "b", "in": [1]}},
                  {"id": "b", "type": "likert", "text": "?"}]}}""");
        assertThat(laterShowIf.code()).isEqualTo("survey.definition_invalid");
        assertThat(laterShowIf.json().path("errors").path("questions/a").asText()).contains("earlier question");
        Reply duplicate = as(commissioner).post(surveys(), """
                {"definition": {"title": "x", "questions": [{"id": "a", "type": "date", "text": "?"}, {"id": "a", "type": "date", "text": "?"}]}}""");
        assertThat(duplicate.code()).isEqualTo("survey.definition_invalid");
        assertThat(as(commissioner).post(surveys(), "{\"templateId\":\"equipment\",\"definition\":" + EVERY_TYPE + "}").code())
                .isEqualTo("survey.create_request_invalid");
        assertThat(as(commissioner).post(surveys(), "{}").code()).isEqualTo("survey.create_request_invalid");
    }

    @Test
    void aPublishedVersionNeverChangesEditingMakesTheNextVersion() {
        String id = publishedSurvey(EVERY_TYPE);
        Reply edited = as(forumLead).put(surveys() + "/" + id + "/draft",
                "{\"definition\":" + EVERY_TYPE.replace("Every question type", "Every question type, revised") + "}");

        assertThat(edited.json().path("draftVersion").asInt()).isEqualTo(2);
        assertThat(edited.json().path("publishedVersion").asInt()).isEqualTo(1);
        assertThat(edited.json().path("versions").get(0).path("definition").path("title").asText()).isEqualTo("Every question type");
        assertThat(as(family).get(surveys() + "/" + id).json().path("version").asInt()).isEqualTo(1);

        Reply published = as(forumLead).post(surveys() + "/" + id + "/publish", null);
        assertThat(published.json().path("versions").get(0).path("status").asText()).isEqualTo("superseded");
        assertThat(published.json().path("versions").get(1).path("status").asText()).isEqualTo("published");
        assertThat(as(family).get(surveys() + "/" + id).json().path("version").asInt()).isEqualTo(2);
        assertThat(as(family).get(surveys()).json().path("items").get(0).path("definition").path("title").asText())
                .isEqualTo("Every question type, revised");
        assertThat(as(forumLead).post(surveys() + "/" + id + "/publish", null).code()).isEqualTo("survey.no_draft");
    }

    @Test
    void everyQuestionTypeIsValidatedAndEachErrorNamesItsQuestion() {
        String id = publishedSurvey(EVERY_TYPE);
        String tomorrow = LocalDate.now().plusDays(2).toString();
        Reply bad = answer(family, id, UUID.randomUUID().toString(), 1, """
                {"who": "grandparent", "services": ["salt", "ot", "physio"], "listened": 6, "i_equipment": 2.5,
                 "weeks": 3.5, "requested": "%s", "why": "%s",
                 "item": {"category": "seating_standing", "identified": "2026-01-10", "received": "2025-12-01"},
                 "nope": 1}""".formatted(tomorrow, "x".repeat(51)), true);

        assertThat(bad.code()).isEqualTo("survey.answer_invalid");
        JsonNode errors = bad.json().path("errors");
        for (String question : new String[] {"who", "services", "listened", "i_equipment", "weeks", "requested", "why", "item", "nope"}) {
            assertThat(errors.has(question)).as(question + " in " + errors).isTrue();
        }
        assertThat(errors.path("item").asText()).contains("before the date identified");

        Reply missing = answer(family, id, UUID.randomUUID().toString(), 1, "{\"who\": \"parent_carer\"}", true);
        assertThat(missing.json().path("errors").path("listened").asText()).contains("needs an answer");
        Reply waitingAndReceived = answer(family, id, UUID.randomUUID().toString(), 1, """
                {"who": "parent_carer", "listened": 4,
                 "item": {"category": "wheelchairs", "identified": "2026-01-10", "received": "2026-02-01", "stillWaiting": true}}""", true);
        assertThat(waitingAndReceived.json().path("errors").path("item").asText()).contains("either");

        Reply good = answer(family, id, UUID.randomUUID().toString(), 1, """
                {"who": "parent_carer", "services": ["salt", "ot"], "listened": 4, "i_equipment": 2, "weeks": 38,
                 "requested": "2025-11-03", "why": "Nobody rang back.",
                 "item": {"category": "wheelchairs", "identified": "2026-01-10", "stillWaiting": true}}""", true);
        assertThat(good.status()).as(good.toString()).isEqualTo(201);
        assertThat(good.text("status")).isEqualTo("submitted");
    }

    @Test
    void showIfAsksAndRequiresOnlyWhenItsConditionHolds() {
        String id = publishedSurvey(EVERY_TYPE);

        Reply youngPersonWithoutView = answer(family, id, UUID.randomUUID().toString(), 1,
                "{\"who\": \"young_person\", \"listened\": 3}", true);
        Reply parentWithView = answer(family, id, UUID.randomUUID().toString(), 1,
                "{\"who\": \"parent_carer\", \"listened\": 3, \"young_view\": \"hello\"}", true);
        Reply parent = answer(family, id, UUID.randomUUID().toString(), 1, "{\"who\": \"parent_carer\", \"listened\": 3}", true);

        assertThat(youngPersonWithoutView.json().path("errors").path("young_view").asText()).contains("needs an answer");
        assertThat(parentWithView.json().path("errors").path("young_view").asText()).contains("not asked");
        assertThat(parent.status()).isEqualTo(201);
    }

    @Test
    void resubmittingIsANoOpAndDifferentAnswersUnderTheSameIdConflict() {
        String id = publishedSurvey(EVERY_TYPE);
        String answerId = UUID.randomUUID().toString();
        String answers = "{\"who\": \"parent_carer\", \"listened\": 2}";

        Reply first = answer(family, id, answerId, 1, answers, true);
        Reply again = answer(family, id, answerId, 1, "{\"listened\": 2, \"who\": \"parent_carer\"}", true);
        Reply different = answer(family, id, answerId, 1, "{\"who\": \"parent_carer\", \"listened\": 5}", true);
        Reply partialAfterSubmit = answer(family, id, answerId, 1, answers, false);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.text("submittedAt")).isEqualTo(first.text("submittedAt"));
        assertThat(different.code()).isEqualTo("survey.answer_conflict");
        assertThat(partialAfterSubmit.code()).isEqualTo("survey.answer_conflict");
        assertThat(fixtures.count("select count(*) from survey_answers where area_id = ?", area)).isEqualTo(1);
    }

    @Test
    void partialAnswersSavedOfflineAreSubmittedLaterEvenAfterANewVersion() {
        String id = publishedSurvey(EVERY_TYPE);
        String answerId = UUID.randomUUID().toString();

        Reply partial = answer(family, id, answerId, 1, "{\"who\": \"parent_carer\"}", false);
        assertThat(partial.status()).isEqualTo(201);
        assertThat(partial.text("status")).isEqualTo("partial");
        as(forumLead).put(surveys() + "/" + id + "/draft", "{\"definition\":" + EVERY_TYPE + "}");
        as(forumLead).post(surveys() + "/" + id + "/publish", null);

        Reply late = answer(family, id, answerId, 1, "{\"who\": \"parent_carer\", \"listened\": 5}", true);
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.text("status")).isEqualTo("submitted");
        assertThat(late.json().path("version").asInt()).isEqualTo(1);
        assertThat(as(family).get("/v1/areas/" + area + "/me/answers").json().path("items").get(0).path("id").asText())
                .isEqualTo(answerId);
    }

    @Test
    void unknownDraftAndRetiredVersionsGetClearRefusals() {
        String id = publishedSurvey(EVERY_TYPE);
        String submitted = UUID.randomUUID().toString();
        answer(family, id, submitted, 1, "{\"who\": \"parent_carer\", \"listened\": 4}", true);
        as(forumLead).put(surveys() + "/" + id + "/draft", "{\"definition\":" + EVERY_TYPE + "}");

        assertThat(answer(family, id, UUID.randomUUID().toString(), 9, "{}", true).code()).isEqualTo("survey.version_not_found");
        assertThat(answer(family, id, UUID.randomUUID().toString(), 2, "{}", true).code()).isEqualTo("survey.version_not_published");
        as(forumLead).post(surveys() + "/" + id + "/versions/1/retire", null);
        Reply retired = answer(family, id, UUID.randomUUID().toString(), 1, "{\"who\": \"parent_carer\", \"listened\": 4}", true);
        assertThat(retired.status()).isEqualTo(410);
        assertThat(retired.code()).isEqualTo("survey.version_retired");
        assertThat(answer(family, id, submitted, 1, "{\"who\": \"parent_carer\", \"listened\": 4}", true).status()).isEqualTo(200);
        assertThat(answer(family, UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1, "{}", true).code())
                .isEqualTo("survey.not_found");
        assertThat(as(family).put(surveys() + "/" + id + "/answers/" + UUID.randomUUID(), "{\"answers\":{}}").code())
                .isEqualTo("survey.answer_invalid");
    }

    @Test
    void resultsSuppressFiguresFromFewerThanFiveRespondents() {
        String id = publishedSurvey(EVERY_TYPE);
        for (int i = 0; i < 4; i++) {
            answer(fixtures.member(area, "family"), id, UUID.randomUUID().toString(), 1,
                    "{\"who\": \"parent_carer\", \"listened\": 4, \"i_equipment\": 5}", true);
        }
        JsonNode small = as(commissioner).get(surveys() + "/" + id + "/results").json();
        assertThat(small.path("respondents").path("suppressed").asBoolean()).isTrue();
        assertThat(small.path("respondents").path("value").isNull()).isTrue();

        answer(fixtures.member(area, "family"), id, UUID.randomUUID().toString(), 1,
                "{\"who\": \"parent_carer\", \"listened\": 2, \"i_equipment\": 1}", true);
        answer(fixtures.member(area, "young_person"), id, UUID.randomUUID().toString(), 1,
                "{\"who\": \"young_person\", \"listened\": 5, \"young_view\": \"I like it\"}", true);
        JsonNode results = as(forumLead).get(surveys() + "/" + id + "/results").json();

        assertThat(results.path("respondents").path("value").asDouble()).isEqualTo(6);
        JsonNode who = question(results, "who");
        assertThat(who.path("respondents").path("value").asDouble()).isEqualTo(6);
        // 1 young person is withheld; showing the 5 parent carers beside the 6 respondents would give the 1 away.
        assertThat(who.path("options").get(1).path("count").path("suppressed").asBoolean()).isTrue();
        assertThat(who.path("options").get(0).path("count").path("suppressed").asBoolean()).isTrue();
        // Listened: 4, 4, 4, 4, 2, 5: every value is 1 to 4 families and together they would be worked out from
        // the 6; the respondents of the question, its mean and its agreement (5 of 6, so 1 not) are withheld.
        JsonNode listened = question(results, "listened");
        for (JsonNode value : listened.path("distribution")) {
            assertThat(value.path("count").path("value").isNull() || value.path("count").path("value").asDouble() == 0)
                    .as(listened.toString()).isTrue();
        }
        assertThat(listened.path("agreement").path("suppressed").asBoolean()).isTrue();
        assertThat(listened.path("mean").path("suppressed").asBoolean()).isTrue();
        JsonNode statement = question(results, "i_equipment");
        assertThat(statement.path("outcome").asText()).isEqualTo("equipment_in_time");
        // 4 of 5 agreeing would say 1 did not.
        assertThat(statement.path("agreement").path("suppressed").asBoolean()).isTrue();
        assertThat(statement.path("quarters").get(0).path("quarter").asText()).matches("\\d{4}-Q[1-4]");
        assertThat(statement.path("quarters").get(0).path("agreement").path("suppressed").asBoolean()).isTrue();
        assertThat(question(results, "young_view").path("respondents").path("suppressed").asBoolean()).isTrue();

        // Five more parent carers agreeing: 10 parent carers, 1 young person; the 1 is still withheld and the
        // 10 with it, while listened and the statement have enough on each side to be shown.
        for (int i = 0; i < 5; i++) {
            answer(fixtures.member(area, "family"), id, UUID.randomUUID().toString(), 1,
                    "{\"who\": \"parent_carer\", \"listened\": 1, \"i_equipment\": 1}", true);
        }
        results = as(forumLead).get(surveys() + "/" + id + "/results").json();
        who = question(results, "who");
        assertThat(who.path("respondents").path("value").asDouble()).isEqualTo(11);
        assertThat(who.path("options").get(0).path("count").path("suppressed").asBoolean()).isTrue();
        assertThat(who.path("options").get(1).path("count").path("suppressed").asBoolean()).isTrue();
        statement = question(results, "i_equipment");
        // 4 of 10 agree, 6 do not: the 4 is withheld, and so the share.
        assertThat(statement.path("agreement").path("suppressed").asBoolean()).isTrue();
        assertThat(statement.path("respondents").path("value").asDouble()).isEqualTo(10);
    }

    @Test
    void aQuestionIdReusedWithAnotherTypeDoesNotBreakResults() {
        String id = publishedSurvey(EVERY_TYPE);
        for (int i = 0; i < 5; i++) {
            answer(fixtures.member(area, "family"), id, UUID.randomUUID().toString(), 1,
                    "{\"who\": \"parent_carer\", \"listened\": 4, \"weeks\": 10, \"why\": \"text\"}", true);
        }
        // Version 2 turns "listened" into a choice, "weeks" into free text and "why" into a number.
        String v2 = EVERY_TYPE
                .replace("{\"id\": \"listened\", \"type\": \"likert\", \"text\": \"I was listened to.\", \"required\": true}",
                        "{\"id\": \"listened\", \"type\": \"single_choice\", \"text\": \"Listened?\", \"required\": true, \"options\": [{\"id\": \"yes\", \"label\": \"Yes\"}, {\"id\": \"no\", \"label\": \"No\"}]}")
                .replace("{\"id\": \"weeks\", \"type\": \"number\", \"text\": \"How many weeks?\", \"unit\": \"weeks\", \"min\": 0, \"max\": 260, \"integer\": true}",
                        "{\"id\": \"weeks\", \"type\": \"free_text\", \"text\": \"How long?\"}")
                .replace("{\"id\": \"why\", \"type\": \"free_text\", \"text\": \"Why?\", \"maxLength\": 50}",
                        "{\"id\": \"why\", \"type\": \"number\", \"text\": \"How many?\", \"min\": 0, \"max\": 9}");
        as(forumLead).put(surveys() + "/" + id + "/draft", "{\"definition\":" + v2 + "}");
        as(forumLead).post(surveys() + "/" + id + "/publish", null);
        for (int i = 0; i < 5; i++) {
            Reply r = answer(fixtures.member(area, "family"), id, UUID.randomUUID().toString(), 2,
                    "{\"who\": \"parent_carer\", \"listened\": \"yes\", \"weeks\": \"ages\", \"why\": 3}", true);
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }

        Reply results = as(commissioner).get(surveys() + "/" + id + "/results");

        assertThat(results.status()).isEqualTo(200);
        assertThat(question(results.json(), "listened").path("options").get(0).path("count").path("value").asDouble()).isEqualTo(5);
        assertThat(question(results.json(), "why").path("mean").path("value").asDouble()).isEqualTo(3);
    }

    @Test
    void equipmentWaitsArePerCategoryAgainstTheSixWeekTarget() {
        String id = publishedSurvey(EVERY_TYPE);
        String[] items = {
            "{\"category\": \"wheelchairs\", \"identified\": \"2026-01-05\", \"received\": \"2026-01-26\"}",
            "{\"category\": \"wheelchairs\", \"identified\": \"2026-01-05\", \"received\": \"2026-02-09\"}",
            "{\"category\": \"wheelchairs\", \"identified\": \"2026-01-05\", \"received\": \"2026-03-02\"}",
            "{\"category\": \"wheelchairs\", \"identified\": \"2026-01-05\", \"received\": \"2026-04-06\"}",
            "{\"category\": \"wheelchairs\", \"identified\": \"2026-01-05\", \"received\": \"2026-05-04\"}",
            "{\"category\": \"seating_standing\", \"identified\": \"2026-01-05\", \"stillWaiting\": true}"};
        for (String item : items) {
            answer(fixtures.member(area, "family"), id, UUID.randomUUID().toString(), 1,
                    "{\"who\": \"parent_carer\", \"listened\": 3, \"item\": " + item + "}", true);
        }

        JsonNode equipment = question(as(commissioner).get(surveys() + "/" + id + "/results").json(), "item");

        assertThat(equipment.path("targetWeeks").asInt()).isEqualTo(6);
        JsonNode wheelchairs = equipment.path("categories").get(1);
        assertThat(wheelchairs.path("id").asText()).isEqualTo("wheelchairs");
        assertThat(wheelchairs.path("items").path("value").asDouble()).isEqualTo(5);
        assertThat(wheelchairs.path("medianWeeks").path("value").asDouble()).isEqualTo(8);
        // 2 of 5 within target: the share and its base would give away 2 (and 3), so it is withheld.
        assertThat(wheelchairs.path("withinTarget").path("suppressed").asBoolean()).isTrue();
        assertThat(wheelchairs.path("stillWaiting").path("value").asDouble()).isZero();
        assertThat(wheelchairs.path("p90Weeks").path("value").asDouble()).isGreaterThan(14);
        assertThat(equipment.path("categories").get(0).path("items").path("suppressed").asBoolean()).isTrue();
    }

    @Test
    void familiesSeeOnlyTheirOwnAnswersAndNoResultsAndOtherAreasNothing() {
        String id = publishedSurvey(EVERY_TYPE);
        String mine = UUID.randomUUID().toString();
        answer(family, id, mine, 1, "{\"who\": \"parent_carer\", \"listened\": 4}", true);
        String otherFamily = fixtures.member(area, "family");
        String otherArea = fixtures.area();
        String otherLead = fixtures.member(otherArea, "forum_lead");
        String otherAreaFamily = fixtures.member(otherArea, "family");

        assertThat(as(otherFamily).get(surveys() + "/" + id + "/answers/" + mine).code()).isEqualTo("survey.answer_not_found");
        assertThat(answer(otherFamily, id, mine, 1, "{\"who\": \"parent_carer\", \"listened\": 4}", true).code())
                .isEqualTo("survey.answer_conflict");
        assertThat(as(otherFamily).get("/v1/areas/" + area + "/me/answers").json().path("items")).isEmpty();
        assertThat(as(family).get(surveys() + "/" + id + "/results").code()).isEqualTo("area.role_forbidden");
        assertThat(as(family).post(surveys(), "{\"templateId\":\"equipment\"}").code()).isEqualTo("area.role_forbidden");
        assertThat(as(forumLead).put(surveys() + "/" + id + "/answers/" + UUID.randomUUID(), "{\"version\":1,\"answers\":{}}").code())
                .isEqualTo("area.role_forbidden");
        assertThat(as(otherLead).get(surveys() + "/" + id + "/results").code()).isEqualTo("area.not_member");
        assertThat(as(otherLead).get("/v1/areas/" + otherArea + "/surveys/" + id + "/results").code()).isEqualTo("survey.not_found");
        assertThat(as(otherAreaFamily).get(surveys()).code()).isEqualTo("area.not_member");
        assertThat(answer(otherAreaFamily, id, UUID.randomUUID().toString(), 1, "{}", true).code()).isEqualTo("area.not_member");
        // A draft-only survey is invisible to families.
        String draftOnly = as(commissioner).post(surveys(), "{\"templateId\":\"ehc-plan\"}").text("id");
        assertThat(as(family).get(surveys() + "/" + draftOnly).code()).isEqualTo("survey.not_found");
    }

    @Test
    void freeTextAnswersAreQueuedForTagging() {
        String id = publishedSurvey(EVERY_TYPE);
        String withText = UUID.randomUUID().toString();
        String withoutText = UUID.randomUUID().toString();

        answer(family, id, withText, 1, "{\"who\": \"parent_carer\", \"listened\": 1, \"why\": \"Nobody rang back.\"}", true);
        answer(family, id, withoutText, 1, "{\"who\": \"parent_carer\", \"listened\": 1}", true);
        answer(family, id, withText, 1, "{\"who\": \"parent_carer\", \"listened\": 1, \"why\": \"Nobody rang back.\"}", true);

        assertThat(fixtures.count("select count(*) from tagging_jobs where area_id = ? and content_type = 'survey_answer' and content_id = ?::uuid",
                area, withText)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from tagging_jobs where area_id = ? and content_id = ?::uuid",
                area, withoutText)).isZero();
    }

    /** The quoting question: absent or false is no; the family sees what it agreed to; it is part of what was submitted. */
    @Test
    void aFamilysConsentToBeQuotedIsNoUnlessItSaidYesAndItSeesWhatItAgreedTo() {
        String id = publishedSurvey(EVERY_TYPE);
        String silent = UUID.randomUUID().toString();
        String no = UUID.randomUUID().toString();
        String yes = UUID.randomUUID().toString();
        String answers = "{\"who\": \"parent_carer\", \"listened\": 1, \"why\": \"Nobody rang back.\"}";

        Reply leftOut = answer(family, id, silent, 1, answers, true);
        Reply saidNo = as(family).put(surveys() + "/" + id + "/answers/" + no,
                "{\"version\":1,\"submit\":true,\"quoteConsent\":false,\"answers\":" + answers + "}");
        Reply saidYes = as(family).put(surveys() + "/" + id + "/answers/" + yes,
                "{\"version\":1,\"submit\":true,\"quoteConsent\":true,\"answers\":" + answers + "}");

        assertThat(leftOut.status()).as(leftOut.toString()).isEqualTo(201);
        assertThat(leftOut.json().path("quoteConsent").asBoolean(true)).isFalse();
        assertThat(saidNo.json().path("quoteConsent").asBoolean(true)).isFalse();
        assertThat(saidYes.json().path("quoteConsent").asBoolean(false)).isTrue();
        assertThat(fixtures.count("select count(*) from survey_answers where area_id = ? and quote_consent", area)).isEqualTo(1);
        assertThat(as(family).get(surveys() + "/" + id + "/answers/" + yes).json().path("quoteConsent").asBoolean()).isTrue();
        JsonNode mine = as(family).get("/v1/areas/" + area + "/me/answers").json().path("items");
        for (JsonNode a : mine) {
            assertThat(a.path("quoteConsent").asBoolean()).as(a.toString()).isEqualTo(a.path("id").asText().equals(yes));
        }

        // The same answers with another answer to the question are not a retry of what was submitted.
        Reply changedMind = as(family).put(surveys() + "/" + id + "/answers/" + silent,
                "{\"version\":1,\"submit\":true,\"quoteConsent\":true,\"answers\":" + answers + "}");
        assertThat(changedMind.code()).isEqualTo("survey.answer_conflict");
        Reply retried = as(family).put(surveys() + "/" + id + "/answers/" + yes,
                "{\"version\":1,\"submit\":true,\"quoteConsent\":true,\"answers\":" + answers + "}");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(as(family).put(surveys() + "/" + id + "/answers/" + UUID.randomUUID(),
                "{\"version\":1,\"quoteConsent\":\"yes\",\"answers\":" + answers + "}").status()).isEqualTo(400);
    }

    /** The wall's rule for every free-text answer: a text with nothing visible is no answer (its tagging would fail for good). */
    @Test
    void aFreeTextAnswerWithNothingVisibleIsRefusedSavedOrSubmitted() {
        String id = publishedSurvey(EVERY_TYPE);
        String[] invisible = {"\\u200b\\u200b\\u200b", " \\t\\n  ", "\\u0301\\u0308", "\\u200e\\u200f",
                "\\u2060\\ufeff\\u3164", "\\u00a0\\u2003"};
        for (String text : invisible) {
            for (boolean submit : new boolean[] {true, false}) {
                Reply refused = answer(family, id, UUID.randomUUID().toString(), 1,
                        "{\"who\": \"parent_carer\", \"listened\": 1, \"why\": \"" + text + "\"}", submit);
                assertThat(refused.code()).as(text + " submit " + submit).isEqualTo("survey.answer_invalid");
                assertThat(refused.json().path("errors").path("why").asText()).contains("give some text");
            }
        }
        // A young person's required own words are not given by invisible characters either.
        Reply required = answer(family, id, UUID.randomUUID().toString(), 1,
                "{\"who\": \"young_person\", \"listened\": 1, \"young_view\": \"\\u200b\"}", true);
        assertThat(required.json().path("errors").has("young_view")).isTrue();
        assertThat(fixtures.count("select count(*) from survey_answers where area_id = ?", area)).isZero();
        assertThat(fixtures.count("select count(*) from tagging_jobs where area_id = ?", area)).isZero();

        // Visible words with invisible characters around them are an answer.
        Reply kept = answer(family, id, UUID.randomUUID().toString(), 1,
                "{\"who\": \"parent_carer\", \"listened\": 1, \"why\": \"\\u200bNobody rang back.\\u200b\"}", true);
        assertThat(kept.status()).as(kept.toString()).isEqualTo(201);
    }

    static JsonNode question(JsonNode results, String id) {
        for (JsonNode q : results.path("questions")) {
            if (q.path("questionId").asText().equals(id)) {
                return q;
            }
        }
        throw new AssertionError("no question " + id);
    }

    @Test
    void editorsListSummariesAndFamiliesThePublishedVersionsOnePageAtATime() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(publishedSurvey(EVERY_TYPE));
        }
        String draftOnly = as(commissioner).post(surveys(), "{\"templateId\":\"equipment\"}").text("id");

        Reply editors = as(forumLead).get(surveys() + "?limit=2");
        assertThat(editors.text("view")).isEqualTo("editor");
        assertThat(editors.json().path("items")).hasSize(2);
        assertThat(editors.json().path("items").get(0).has("versions")).isFalse();
        assertThat(editors.json().path("items").get(0).path("title").asText()).isEqualTo("Every question type");
        assertThat(editors.json().path("items").get(0).path("publishedVersion").asInt()).isEqualTo(1);
        Reply rest = as(forumLead).get(surveys() + "?limit=2&cursor=" + editors.text("nextCursor"));
        assertThat(rest.json().path("items").findValuesAsText("id")).containsExactly(ids.get(2), draftOnly);
        assertThat(rest.json().path("items").get(1).path("draftVersion").asInt()).isEqualTo(1);
        assertThat(rest.json().path("items").get(1).path("publishedVersion").isNull()).isTrue();

        Reply families = as(family).get(surveys() + "?limit=2");
        assertThat(families.text("view")).isEqualTo("respondent");
        assertThat(families.json().path("items").get(0).path("definition").path("questions").size()).isEqualTo(9);
        Reply familiesRest = as(family).get(surveys() + "?limit=2&cursor=" + families.text("nextCursor"));
        assertThat(familiesRest.json().path("items").get(0).path("id").asText()).isEqualTo(ids.get(2));
        assertThat(familiesRest.json().path("items")).hasSize(1);
        assertThat(familiesRest.json().path("nextCursor").isNull()).isTrue();
        // An editor's cursor is not a family's.
        assertThat(as(family).get(surveys() + "?cursor=" + editors.text("nextCursor")).code()).isEqualTo("request.invalid_parameter");

        assertThat(as(commissioner).get(surveys() + "/" + ids.get(0)).text("view")).isEqualTo("editor");
        assertThat(as(family).get(surveys() + "/" + ids.get(0)).text("view")).isEqualTo("respondent");
        assertThat(as(family).get(surveys() + "/" + draftOnly).code()).isEqualTo("survey.not_found");
    }

    @Test
    void aFamilysAnswerSetsPage() {
        String id = publishedSurvey(EVERY_TYPE);
        java.util.List<String> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String answerId = UUID.randomUUID().toString();
            answers.add(answerId);
            assertThat(answer(family, id, answerId, 1, "{\"who\":\"parent_carer\"}", false).status()).isEqualTo(201);
        }
        Reply first = as(family).get("/v1/areas/" + area + "/me/answers?limit=2");
        Reply second = as(family).get("/v1/areas/" + area + "/me/answers?limit=2&cursor=" + first.text("nextCursor"));

        java.util.List<String> seen = new java.util.ArrayList<>(first.json().path("items").findValuesAsText("id"));
        seen.addAll(second.json().path("items").findValuesAsText("id"));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(answers);
        assertThat(second.json().path("nextCursor").isNull()).isTrue();
        String otherFamily = fixtures.member(area, "family");
        assertThat(as(otherFamily).get("/v1/areas/" + area + "/me/answers").json().path("items")).isEmpty();
        assertThat(as(otherFamily).get("/v1/areas/" + area + "/me/answers?cursor=" + first.text("nextCursor")).code())
                .isEqualTo("request.invalid_parameter");
    }
}
