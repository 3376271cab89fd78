package org.yousaid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yousaid.client.api.AreasApi;
import org.yousaid.client.api.ModerationApi;
import org.yousaid.client.api.NotificationsApi;
import org.yousaid.client.api.PrivacyApi;
import org.yousaid.client.api.SurveysApi;
import org.yousaid.client.api.WallApi;
import org.yousaid.client.model.CommentView;
import org.yousaid.client.model.ContentType;
import org.yousaid.client.model.CreateSurveyRequest;
import org.yousaid.client.model.Device;
import org.yousaid.client.model.Erasure;
import org.yousaid.client.model.ExportedText;
import org.yousaid.client.model.FamilyExport;
import org.yousaid.client.model.HandleSafeguardingCaseRequest;
import org.yousaid.client.model.InviteRequest;
import org.yousaid.client.model.JoinAreaRequest;
import org.yousaid.client.model.OwnComment;
import org.yousaid.client.model.PostCommentRequest;
import org.yousaid.client.model.CommentStatus;
import org.yousaid.client.model.ItemVersionRequest;
import org.yousaid.client.model.PublishItemRequest;
import org.yousaid.client.model.PublishedComment;
import org.yousaid.client.model.RegisterDeviceRequest;
import org.yousaid.client.model.ReviewItem;
import org.yousaid.client.model.SafeguardingCasePage;
import org.yousaid.client.model.Survey;
import org.yousaid.client.model.SurveyAnswer;
import org.yousaid.client.model.SurveyAnswerRequest;
import org.yousaid.client.model.SurveyDefinition;
import org.yousaid.client.model.SurveyDetail;
import org.yousaid.client.model.SurveyDraftRequest;
import org.yousaid.client.model.SurveyKind;
import org.yousaid.client.model.SurveyListing;
import org.yousaid.client.model.SurveySummary;
import org.yousaid.testing.ApiTest;
import org.yousaid.testing.Tokens;

/**
 * A family's and a forum lead's journeys through a client generated from
 * mobile-api-spec/openapi.yaml by the OpenAPI Generator (Java, native library), as an app developer
 * would generate theirs, against the real server, PostgreSQL, Firebase SDK and CoreNLP models.
 * Every response must be readable by the generated models: a oneOf a client cannot resolve, an
 * Accept header the server refuses or a field lost on a round trip fails here.
 */
@MicronautTest(transactional = false)
class GeneratedClientJourneyTest extends ApiTest {

    ApiClient clientFor(String uid) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.getURI().toString());
        String token = Tokens.idToken(uid);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void aFamilyAndAForumLeadThroughTheGeneratedClient() throws Exception {
        String area = fixtures.area();
        String forumLead = fixtures.member(area, "forum_lead");
        String commissioner = fixtures.member(area, "commissioner");
        String otherFamily = fixtures.member(area, "family");
        String parent = "parent-" + UUID.randomUUID();
        ApiClient family = clientFor(parent);
        ApiClient lead = clientFor(forumLead);

        // The family joins, finds the area in the list and writes on the wall.
        assertThat(new AreasApi(family).joinArea(area, new JoinAreaRequest().role(JoinAreaRequest.RoleEnum.FAMILY)).getAreaId())
                .isEqualTo(area);
        assertThat(new AreasApi(family).listMyMemberships(null, 10).getItems()).hasSize(1);
        WallApi wall = new WallApi(family);
        OwnComment posted = wall.postComment(UUID.randomUUID(), area,
                new PostCommentRequest().body("The wheelchair service took 30 weeks and nobody told us why."));
        CommentView own = wall.getComment(area, posted.getId());
        assertThat(own.getView()).isEqualTo(CommentView.ViewEnum.OWN);
        assertThat(own.getStatus().getValue()).isEqualTo("pending_review");
        assertThat(own.getMeToo()).isNull();
        assertThat(wall.listMyComments(area, null, 5).getItems()).extracting(OwnComment::getId).containsExactly(posted.getId());

        // The forum lead reviews it once the analysis has seen it, and publishes it.
        ModerationApi moderation = new ModerationApi(lead);
        assertThatThrownBy(() -> moderation.publishReviewItem(area, ContentType.COMMENT, posted.getId(), new PublishItemRequest().version(1)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getResponseBody()).contains("moderation.analysis_pending"));
        analyseAll();
        List<ReviewItem> queue = moderation.listReviewQueue(area, null, null, null, null, null, 20).getItems();
        assertThat(queue).extracting(ReviewItem::getId).containsExactly(posted.getId());
        assertThat(queue.get(0).getAnalysis().getTags().getThemes()).isNotEmpty();
        ReviewItem queued = queue.get(0);
        ReviewItem claimed = moderation.claimReviewItem(area, ContentType.COMMENT, posted.getId(),
                new ItemVersionRequest().version(queued.getVersion()));
        ReviewItem published = moderation.publishReviewItem(area, ContentType.COMMENT, posted.getId(),
                new PublishItemRequest().version(claimed.getVersion()));
        assertThat(published.getStatus()).isEqualTo(CommentStatus.PUBLISHED);

        // Another family reads it on the wall, in the published view.
        WallApi otherWall = new WallApi(clientFor(otherFamily));
        assertThat(otherWall.listWall(area, null, 20).getItems()).extracting(PublishedComment::getId).contains(posted.getId());
        CommentView seen = otherWall.getComment(area, posted.getId());
        assertThat(seen.getView()).isEqualTo(CommentView.ViewEnum.PUBLISHED);
        assertThat(seen.getBody()).startsWith("The wheelchair service");
        assertThat(seen.getMeToo()).isZero();
        assertThat(seen.getStatus()).isNull();

        // The commissioner starts the equipment survey; the forum lead sees the editors' views and
        // edits the draft through the generated models without losing its kind or description.
        SurveysApi staffSurveys = new SurveysApi(clientFor(commissioner));
        Survey created = staffSurveys.createSurvey(area, new CreateSurveyRequest().templateId("equipment"));
        UUID surveyId = created.getId();
        staffSurveys.publishSurvey(area, surveyId);
        SurveysApi leadSurveys = new SurveysApi(lead);
        SurveyListing editorList = leadSurveys.listSurveys(area, null, 10);
        assertThat(editorList.getView()).isEqualTo(SurveyListing.ViewEnum.EDITOR);
        assertThat(editorList.getItems()).extracting(SurveySummary::getId).containsExactly(surveyId);
        assertThat(editorList.getItems().get(0).getDefinition()).isNull();
        SurveyDetail detail = leadSurveys.getSurvey(area, surveyId);
        assertThat(detail.getView()).isEqualTo(SurveyDetail.ViewEnum.EDITOR);
        SurveyDefinition definition = detail.getVersions().get(0).getDefinition();
        assertThat(definition.getKind()).isEqualTo(SurveyKind.EQUIPMENT);
        String description = definition.getDescription();
        Survey edited = leadSurveys.saveSurveyDraft(area, surveyId,
                new SurveyDraftRequest().definition(definition.title(definition.getTitle() + " (2027)")));
        assertThat(edited.getKind()).isEqualTo(SurveyKind.EQUIPMENT);
        assertThat(edited.getDraftVersion()).isEqualTo(2);
        SurveyDefinition saved = edited.getVersions().get(1).getDefinition();
        assertThat(saved.getKind()).isEqualTo(SurveyKind.EQUIPMENT);
        assertThat(saved.getDescription()).isEqualTo(description).isNotBlank();
        assertThat(saved.getQuestions()).hasSameSizeAs(definition.getQuestions());
        assertThat(leadSurveys.inviteToSurvey(area, surveyId, new InviteRequest().allFamilies(true)).getInvited()).isEqualTo(2);
        assertThat(leadSurveys.getSurveyInvitationSummary(area, surveyId).getWaiting().getSuppressed()).isTrue();

        // The family registers their phone, sees the invitation and answers the published version.
        NotificationsApi notifications = new NotificationsApi(family);
        Device phone = notifications.registerDevice(area, new RegisterDeviceRequest().token("fcm-" + UUID.randomUUID())
                .platform(RegisterDeviceRequest.PlatformEnum.ANDROID));
        SurveysApi familySurveys = new SurveysApi(family);
        assertThat(familySurveys.listMyInvitations(area, null, 10).getItems()).hasSize(1);
        SurveyListing respondentList = familySurveys.listSurveys(area, null, 10);
        assertThat(respondentList.getView()).isEqualTo(SurveyListing.ViewEnum.RESPONDENT);
        SurveySummary toAnswer = respondentList.getItems().get(0);
        assertThat(toAnswer.getDefinition().getQuestions()).isNotEmpty();
        SurveyDetail respondentDetail = familySurveys.getSurvey(area, surveyId);
        assertThat(respondentDetail.getView()).isEqualTo(SurveyDetail.ViewEnum.RESPONDENT);
        assertThat(respondentDetail.getVersion()).isEqualTo(toAnswer.getVersion());
        assertThat(respondentDetail.getVersions()).isNullOrEmpty();
        SurveyAnswer answer = familySurveys.saveSurveyAnswer(area, surveyId, UUID.randomUUID(), new SurveyAnswerRequest()
                .version(toAnswer.getVersion()).submit(true)
                .answers(Map.of("who", "parent_carer", "setting", "school", "more_items", "no", "i_equipment", 2,
                        "item_1", Map.of("category", "seating_standing", "identified", "2026-09-01", "stillWaiting", true))));
        assertThat(answer.getStatus()).isEqualTo(SurveyAnswer.StatusEnum.SUBMITTED);
        assertThat(familySurveys.listMyAnswers(area, null, 10).getItems()).extracting(SurveyAnswer::getId).containsExactly(answer.getId());

        // Signing out: the app unregisters push with the Accept header the contract implies.
        notifications.unregisterDevice(area, phone.getId());
        assertThat(notifications.listMyDevices(area, null, 10).getItems()).isEmpty();

        // The forum lead's safeguarding queue reads through the generated models too.
        OwnComment risky = wall.postComment(UUID.randomUUID(), area,
                new PostCommentRequest().body("My son keeps saying he wants to kill himself and school sent him home."));
        analyseAll();
        SafeguardingCasePage cases = moderation.listSafeguardingQueue(area, "new", null, 10);
        assertThat(cases.getItems()).extracting(c -> c.getContentId()).containsExactly(risky.getId());
        assertThat(moderation.handleSafeguardingCase(area, ContentType.COMMENT, risky.getId(),
                new HandleSafeguardingCaseRequest().note("Called the family; passed to the safeguarding lead.")).getStatus().getValue())
                .isEqualTo("handled");

        // The family downloads what YouSaid holds about them, then asks for all of it to be erased.
        PrivacyApi privacy = new PrivacyApi(family);
        FamilyExport export = privacy.exportMe();
        assertThat(export.getAreas()).hasSize(1);
        assertThat(export.getAreas().get(0).getTexts()).extracting(ExportedText::getId).contains(posted.getId(), answer.getId());
        assertThat(export.getAreas().get(0).getDevices()).isEmpty();
        Erasure erased = privacy.eraseMe();
        assertThat(erased.getAreas()).hasSize(1);
        assertThat(erased.getAreas().get(0).getTexts()).isEqualTo(3);
        assertThat(privacy.exportMe().getAreas()).isEmpty();
    }

    @Test
    void aGeneratedClientsDefaultsNeverPublishAProposedDetail() throws Exception {
        String area = fixtures.area();
        String forumLead = fixtures.member(area, "forum_lead");
        String parent = fixtures.member(area, "family");
        String text = "My son Oliver Bennett waited a year for his chair; ring me on 07700 900123 if you can help.";
        OwnComment posted = new WallApi(clientFor(parent)).postComment(UUID.randomUUID(), area, new PostCommentRequest().body(text));
        analyseAll();

        // The model initialises every list (keepProposed and redactions are sent as []): every
        // proposal is taken out all the same.
        PublishItemRequest request = new PublishItemRequest().version(1);
        assertThat(request.getKeepProposed()).isNotNull().isEmpty();
        assertThat(request.getRedactions()).isNotNull().isEmpty();
        ReviewItem published = new ModerationApi(clientFor(forumLead)).publishReviewItem(area, ContentType.COMMENT, posted.getId(), request);
        assertThat(published.getPublishedBody()).doesNotContain("Oliver", "Bennett", "07700", "900123").contains("[person]", "[phone]");
    }
}
