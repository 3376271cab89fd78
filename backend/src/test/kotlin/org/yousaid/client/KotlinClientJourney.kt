package org.yousaid.client

import java.util.UUID
import java.util.function.Function
import okhttp3.OkHttpClient
import org.yousaid.kclient.apis.OutcomesApi
import org.yousaid.kclient.apis.SurveysApi
import org.yousaid.kclient.apis.WallApi
import org.yousaid.kclient.models.CommentView
import org.yousaid.kclient.models.CreateSurveyRequest
import org.yousaid.kclient.models.IndicatorKind
import org.yousaid.kclient.models.IndicatorRequest
import org.yousaid.kclient.models.IndicatorValueRequest
import org.yousaid.kclient.models.OutcomeRequest
import org.yousaid.kclient.models.PeriodKind
import org.yousaid.kclient.models.PeriodValue
import org.yousaid.kclient.models.Polarity
import org.yousaid.kclient.models.PostCommentRequest
import org.yousaid.kclient.models.SurveyDetail
import org.yousaid.kclient.models.SurveyListing

/**
 * The journeys of an Android app built on the Kotlin client (OpenAPI Generator, jvm-okhttp4 with
 * Moshi), through the operations a Kotlin client once could not read or send: a comment's and a
 * survey's views, the survey list, results' minimum group, and decimal indicator values. Run by
 * KotlinClientJourneyTest against the real server; returns what it read, one line a step.
 */
class KotlinClientJourney(private val baseUrl: String, private val tokens: Function<String, String>) {

    private fun client(uid: String): OkHttpClient = OkHttpClient.Builder()
        .addInterceptor { chain ->
            chain.proceed(chain.request().newBuilder().header("Authorization", "Bearer " + tokens.apply(uid)).build())
        }
        .build()

    private fun check(condition: Boolean, what: () -> String) {
        if (!condition) throw AssertionError(what())
    }

    fun run(area: String, family: String, forumLead: String, commissioner: String): List<String> {
        val seen = mutableListOf<String>()

        val wall = WallApi(baseUrl, client(family))
        val posted = wall.postComment(UUID.randomUUID(), area,
            PostCommentRequest(body = "The wheelchair service took 30 weeks and nobody told us why."))
        val own = wall.getComment(area, posted.id)
        check(own.view == CommentView.View.own && own.status?.value == "pending_review") { "own comment: $own" }
        seen += "comment ${own.view.value} ${own.status?.value}"

        val staff = SurveysApi(baseUrl, client(commissioner))
        val survey = staff.createSurvey(area, CreateSurveyRequest(templateId = "equipment")).id
        staff.publishSurvey(area, survey)
        val editors = SurveysApi(baseUrl, client(forumLead))
        val editorList = editors.listSurveys(area, null, 10)
        check(editorList.view == SurveyListing.View.editor && editorList.items.map { it.id } == listOf(survey)) { "editor list: $editorList" }
        val editorDetail = editors.getSurvey(area, survey)
        check(editorDetail.view == SurveyDetail.View.editor && editorDetail.versions.orEmpty().size == 1) { "editor detail: $editorDetail" }
        seen += "surveys ${editorList.view.value} ${editorList.items.size}, survey ${editorDetail.view.value} ${editorDetail.versions.orEmpty().size} version"

        val families = SurveysApi(baseUrl, client(family))
        val respondentList = families.listSurveys(area, null, 10)
        check(respondentList.view == SurveyListing.View.respondent && respondentList.items.single().definition != null) { "respondent list: $respondentList" }
        val respondentDetail = families.getSurvey(area, survey)
        check(respondentDetail.view == SurveyDetail.View.respondent && respondentDetail.version == 1) { "respondent detail: $respondentDetail" }
        seen += "surveys ${respondentList.view.value} ${respondentList.items.size}, survey ${respondentDetail.view.value} version ${respondentDetail.version}"

        val results = staff.getSurveyResults(area, survey)
        check(results.minimumGroup == 5) { "results: $results" }
        seen += "results minimumGroup ${results.minimumGroup}"

        val outcomes = OutcomesApi(baseUrl, client(commissioner))
        val outcome = outcomes.createOutcome(area, OutcomeRequest(title = "Children get the equipment they need in time"))
        val indicator = outcomes.createIndicator(area, outcome.id, IndicatorRequest(
            title = "Equipment delivered within 6 weeks", kind = IndicatorKind.how_well, unit = "%",
            polarity = Polarity.higher_is_better, periodKind = PeriodKind.quarter,
            baseline = PeriodValue(period = "2025-Q4", value = 41.5), target = PeriodValue(period = "2027-Q4", value = 90.0)))
        check(indicator.baseline?.value == 41.5) { "indicator: $indicator" }
        val value = outcomes.putIndicatorValue(area, indicator.id, "2026-Q2",
            IndicatorValueRequest(value = 52.5, source = "Wheelchair service quarterly return"))
        check(value.value == 52.5) { "value: $value" }
        val series = outcomes.getIndicator(area, indicator.id).series
        check(series.map { it.value } == listOf(52.5)) { "series: $series" }
        seen += "indicator baseline ${indicator.baseline?.value}, value ${value.period} ${value.value}"
        return seen
    }
}
