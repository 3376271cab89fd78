package org.yousaid.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;

/** The outcomes framework: commissioners set outcomes and indicators and enter values; corrections keep history. */
@MicronautTest(transactional = false)
class OutcomeApiTest extends ApiTest {

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

    String path(String suffix) {
        return "/v1/areas/" + area + suffix;
    }

    String outcome(String title) {
        Reply created = as(commissioner).post(path("/outcomes"), "{\"title\":\"" + title + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    String indicator(String outcomeId) {
        Reply created = as(commissioner).post(path("/outcomes/" + outcomeId + "/indicators"), """
                {"title":"Equipment delivered within 6 weeks","kind":"how_well","unit":"%","polarity":"higher_is_better",
                 "periodKind":"quarter","baseline":{"period":"2025-Q4","value":41},"target":{"period":"2027-Q4","value":90}}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    @Test
    void commissionersSetOutcomesAndIndicatorsThatEveryMemberSees() {
        String confidence = outcome("Increased parental confidence");
        String equipment = outcome("Children get the equipment they need in time");
        String id = indicator(equipment);

        JsonNode list = as(family).get(path("/outcomes")).json();
        assertThat(list.path("items")).hasSize(2);
        assertThat(list.path("items").get(0).path("id").asText()).isEqualTo(confidence);
        assertThat(list.path("items").get(1).path("position").asInt()).isEqualTo(2);
        JsonNode shown = list.path("items").get(1).path("indicators").get(0);
        assertThat(shown.path("id").asText()).isEqualTo(id);
        assertThat(shown.path("kind").asText()).isEqualTo("how_well");
        assertThat(shown.path("baseline").path("value").asDouble()).isEqualTo(41);
        assertThat(shown.path("target").path("period").asText()).isEqualTo("2027-Q4");

        Reply badKind = as(commissioner).post(path("/outcomes/" + equipment + "/indicators"),
                "{\"title\":\"x\",\"kind\":\"how_fast\",\"unit\":\"%\",\"polarity\":\"higher_is_better\",\"periodKind\":\"quarter\"}");
        assertThat(badKind.status()).isEqualTo(400);
        Reply monthBaseline = as(commissioner).post(path("/outcomes/" + equipment + "/indicators"), """
                {"title":"Families reached","kind":"how_much","unit":"families","polarity":"higher_is_better",
                 "periodKind":"quarter","baseline":{"period":"2025-11","value":3}}""");
        assertThat(monthBaseline.code()).isEqualTo("outcome.period_invalid");
        Reply same = as(commissioner).post(path("/outcomes/" + equipment + "/indicators"), """
                {"title":"Equipment delivered within 6 weeks","kind":"how_well","unit":"%","polarity":"higher_is_better",
                 "periodKind":"quarter"}""");
        assertThat(same.code()).isEqualTo("outcome.invalid");
        assertThat(as(commissioner).post(path("/outcomes"), "{\"title\":\"   \"}").code()).isEqualTo("outcome.invalid");
        assertThat(as(commissioner).post(path("/outcomes/" + UUID.randomUUID() + "/indicators"),
                "{\"title\":\"x\",\"kind\":\"how_much\",\"unit\":\"%\",\"polarity\":\"higher_is_better\",\"periodKind\":\"month\"}")
                .code()).isEqualTo("outcome.not_found");
    }

    @Test
    void aCorrectedValueReplacesTheOldOneWhichStaysInTheHistory() {
        String id = indicator(outcome("Children get the equipment they need in time"));
        Reply first = as(commissioner).put(path("/indicators/" + id + "/values/2026-Q2"),
                "{\"value\":52.5,\"source\":\"Wheelchair service quarterly return\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("corrected").asBoolean()).isFalse();
        as(commissioner).put(path("/indicators/" + id + "/values/2026-Q1"), "{\"value\":47,\"source\":\"Quarterly return\"}");
        Reply corrected = as(commissioner).put(path("/indicators/" + id + "/values/2026-Q2"),
                "{\"value\":55,\"source\":\"Wheelchair service quarterly return (revised)\",\"note\":\"Late deliveries recounted.\"}");
        assertThat(corrected.json().path("corrected").asBoolean()).isTrue();

        JsonNode series = as(family).get(path("/indicators/" + id)).json().path("series");
        assertThat(series).hasSize(2);
        assertThat(series.get(0).path("period").asText()).isEqualTo("2026-Q1");
        assertThat(series.get(1).path("value").asDouble()).isEqualTo(55);

        JsonNode history = as(forumLead).get(path("/indicators/" + id + "/values/2026-Q2/history")).json().path("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("value").asDouble()).isEqualTo(55);
        assertThat(history.get(1).path("value").asDouble()).isEqualTo(52.5);
        assertThat(history.get(1).path("source").asText()).isEqualTo("Wheelchair service quarterly return");
        assertThat(fixtures.count("select count(*) from audit_log where area_id = ? and action = 'outcome.correct_value'", area))
                .isEqualTo(1);

        assertThat(as(commissioner).put(path("/indicators/" + id + "/values/2026-09"), "{\"value\":1,\"source\":\"x\"}").code())
                .as("a month for a quarterly indicator").isEqualTo("outcome.period_invalid");
        assertThat(as(commissioner).put(path("/indicators/" + id + "/values/2099-Q1"), "{\"value\":1,\"source\":\"x\"}").code())
                .as("a period that has not begun").isEqualTo("outcome.period_invalid");
        assertThat(as(commissioner).put(path("/indicators/" + id + "/values/2026-Q5"), "{\"value\":1,\"source\":\"x\"}").status())
                .isEqualTo(400);
        assertThat(as(commissioner).put(path("/indicators/" + id + "/values/2026-Q3"), "{\"source\":\"x\"}").status())
                .isEqualTo(400);
        assertThat(as(commissioner).put(path("/indicators/" + UUID.randomUUID() + "/values/2026-Q3"),
                "{\"value\":1,\"source\":\"x\"}").code()).isEqualTo("outcome.indicator_not_found");
    }

    @Test
    void commissionersEnteringThePeriodAtOnceLeaveOneValueInForceAndEveryEntryInTheHistory() throws Exception {
        String id = indicator(outcome("Children get the equipment they need in time"));
        List<String> commissioners = new java.util.ArrayList<>(List.of(commissioner));
        for (int i = 0; i < 7; i++) {
            commissioners.add(fixtures.member(area, "commissioner"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(commissioners.size());
        try {
            List<java.util.concurrent.Future<Integer>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < commissioners.size(); i++) {
                String uid = commissioners.get(i);
                int value = 60 + i;
                replies.add(pool.submit(() -> as(uid).put(path("/indicators/" + id + "/values/2026-Q3"),
                        "{\"value\":" + value + ",\"source\":\"Quarterly return\"}").status()));
            }
            for (var reply : replies) {
                assertThat(reply.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(fixtures.count("select count(*) from indicator_values where area_id = ? and not replaced", area)).isEqualTo(1);
        assertThat(fixtures.count("select count(distinct entry) from indicator_values where area_id = ?", area))
                .isEqualTo(commissioners.size());
        JsonNode history = as(commissioner).get(path("/indicators/" + id + "/values/2026-Q3/history")).json().path("items");
        assertThat(history).hasSize(commissioners.size());
        assertThat(as(family).get(path("/indicators/" + id)).json().path("series").get(0).path("value").asDouble())
                .isEqualTo(history.get(0).path("value").asDouble());
    }

    @Test
    void onlyTheAreasCommissionersChangeTheFrameworkAndOnlyItsMembersSeeIt() {
        String equipment = outcome("Children get the equipment they need in time");
        String id = indicator(equipment);
        String other = fixtures.area();
        String otherCommissioner = fixtures.member(other, "commissioner");
        for (String uid : List.of(family, forumLead, fixtures.member(area, "area_admin"))) {
            assertThat(as(uid).post(path("/outcomes"), "{\"title\":\"x\"}").code()).isEqualTo("area.role_forbidden");
            assertThat(as(uid).put(path("/indicators/" + id + "/values/2026-Q1"), "{\"value\":1,\"source\":\"x\"}").code())
                    .isEqualTo("area.role_forbidden");
            assertThat(as(uid).post(path("/outcomes/" + equipment + "/indicators"), "{\"title\":\"x\",\"kind\":\"how_much\","
                    + "\"unit\":\"%\",\"polarity\":\"higher_is_better\",\"periodKind\":\"month\"}").code()).isEqualTo("area.role_forbidden");
        }
        assertThat(as(family).get(path("/indicators/" + id + "/values/2026-Q1/history")).code()).isEqualTo("area.role_forbidden");
        assertThat(as(otherCommissioner).get(path("/outcomes")).code()).isEqualTo("area.not_member");
        assertThat(as(otherCommissioner).get(path("/indicators/" + id)).code()).isEqualTo("area.not_member");
        assertThat(as(otherCommissioner).put(path("/indicators/" + id + "/values/2026-Q1"), "{\"value\":1,\"source\":\"x\"}").code())
                .isEqualTo("area.not_member");
        // Another area's indicator is not found from here, even by this area's commissioner.
        String theirs = as(otherCommissioner).post("/v1/areas/" + other + "/outcomes", "{\"title\":\"Theirs\"}").json().path("id").asText();
        assertThat(as(commissioner).post(path("/outcomes/" + theirs + "/indicators"), "{\"title\":\"x\",\"kind\":\"how_much\","
                + "\"unit\":\"%\",\"polarity\":\"higher_is_better\",\"periodKind\":\"month\"}").code()).isEqualTo("outcome.not_found");
    }

    @Test
    void youSaidComputesEquipmentInTimeAndAgreementFromFamiliesOwnAnswers() {
        String survey = as(commissioner).post(path("/surveys"), "{\"templateId\":\"equipment\"}").text("id");
        as(commissioner).post(path("/surveys/" + survey + "/publish"), null);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        java.time.LocalDate lastQuarter = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).minusMonths(3);
        String previous = lastQuarter.getYear() + "-Q" + ((lastQuarter.getMonthValue() - 1) / 3 + 1);
        String current = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        // Last quarter six items arrived: four within 6 weeks (3 weeks), two after 10 weeks. Six families
        // answered "I get the equipment I need in time" this quarter: 5, 4, 4, 2, 1 and 3.
        int[] weeks = {3, 3, 3, 3, 10, 10, 3, 10, 10, 10};
        int[] agree = {5, 4, 4, 2, 1, 3, 5, 4, 2, 1};
        for (int i = 0; i < 6; i++) {
            java.time.LocalDate received = lastQuarter.plusDays(20 + i);
            String answers = """
                    {"who":"parent_carer","setting":"home","more_items":"no","i_equipment":%d,
                     "item_1":{"category":"wheelchairs","identified":"%s","received":"%s"}}""".formatted(agree[i],
                    received.minusWeeks(weeks[i]), received);
            Reply answered = as(fixtures.member(area, "family")).put(path("/surveys/" + survey + "/answers/" + UUID.randomUUID()),
                    "{\"version\":1,\"submit\":true,\"answers\":" + answers + "}");
            assertThat(answered.status()).as(answered.toString()).isLessThan(300);
        }
        String outcome = outcome("Children get the equipment they need in time");
        Reply within = as(commissioner).post(path("/outcomes/" + outcome + "/indicators"), """
                {"title":"Share of equipment delivered within 6 weeks","kind":"how_well","unit":"%","polarity":"higher_is_better",
                 "periodKind":"quarter","computed":{"measure":"equipment_within_target"}}""");
        assertThat(within.status()).as(within.toString()).isEqualTo(201);
        // 66.7% of 6 would say 4 were in time and 2 were not; 3 of 6 agreeing, that 3 did not: withheld.
        assertThat(within.json().path("series")).as(within.toString()).isEmpty();
        assertThat(within.json().path("computed").path("measure").asText()).isEqualTo("equipment_within_target");
        Reply agreement = as(commissioner).post(path("/outcomes/" + outcome + "/indicators"), """
                {"title":"I get the equipment I need in time","kind":"better_off","unit":"%","polarity":"higher_is_better",
                 "periodKind":"quarter","computed":{"measure":"i_statement_agreement","statement":"equipment_in_time"}}""");
        assertThat(agreement.json().path("series")).as(agreement.toString()).isEmpty();

        // Four more families: 5 items in time and 5 not, 5 agreeing and 5 not; both shares are shown.
        for (int i = 6; i < 10; i++) {
            java.time.LocalDate received = lastQuarter.plusDays(20 + i);
            String answers = """
                    {"who":"parent_carer","setting":"home","more_items":"no","i_equipment":%d,
                     "item_1":{"category":"wheelchairs","identified":"%s","received":"%s"}}""".formatted(agree[i],
                    received.minusWeeks(weeks[i]), received);
            assertThat(as(fixtures.member(area, "family")).put(path("/surveys/" + survey + "/answers/" + UUID.randomUUID()),
                    "{\"version\":1,\"submit\":true,\"answers\":" + answers + "}").status()).isLessThan(300);
        }
        String withinId = within.json().path("id").asText();
        JsonNode series = as(commissioner).get(path("/indicators/" + withinId)).json().path("series");
        assertThat(series).hasSize(1);
        assertThat(series.get(0).path("period").asText()).isEqualTo(previous);
        assertThat(series.get(0).path("value").asDouble()).isEqualTo(50.0);
        assertThat(series.get(0).path("basedOn").asInt()).isEqualTo(10);

        JsonNode agreed = as(commissioner).get(path("/indicators/" + agreement.json().path("id").asText())).json().path("series");
        assertThat(agreed).hasSize(1);
        assertThat(agreed.get(0).path("period").asText()).isEqualTo(current);
        assertThat(agreed.get(0).path("value").asDouble()).isEqualTo(50.0);

        Reply item = as(commissioner).post(path("/outcomes/" + outcome + "/indicators"), """
                {"title":"Kept informed","kind":"how_well","unit":"%%","polarity":"higher_is_better","periodKind":"month",
                 "computed":{"measure":"survey_item_agreement","surveyId":"%s","questionId":"kept_informed"}}""".formatted(survey));
        assertThat(item.status()).as(item.toString()).isEqualTo(201);
        assertThat(item.json().path("series")).isEmpty();
        assertThat(as(commissioner).post(path("/outcomes/" + outcome + "/indicators"), """
                {"title":"Bad","kind":"how_well","unit":"%%","polarity":"higher_is_better","periodKind":"month",
                 "computed":{"measure":"survey_item_agreement","surveyId":"%s","questionId":"who"}}""".formatted(survey)).code())
                .isEqualTo("outcome.invalid");
        assertThat(as(commissioner).post(path("/outcomes/" + outcome + "/indicators"), """
                {"title":"Bad","kind":"how_well","unit":"%","polarity":"higher_is_better","periodKind":"month",
                 "computed":{"measure":"happiness"}}""").status()).isEqualTo(400);
        String id = within.json().path("id").asText();
        assertThat(as(commissioner).put(path("/indicators/" + id + "/values/" + previous), "{\"value\":90,\"source\":\"x\"}")
                .code()).isEqualTo("outcome.indicator_computed");
        assertThat(as(family).get(path("/indicators/" + id)).json().path("series").get(0).path("value").asDouble()).isEqualTo(50.0);
    }
}
