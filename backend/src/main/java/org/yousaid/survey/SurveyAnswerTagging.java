package org.yousaid.survey;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.content.ContentRef;
import org.yousaid.content.ContentSubmitted;
import org.yousaid.tagging.TaggableContent;

/**
 * Free-text survey answers are family text like wall comments: a submitted answer set with free
 * text (its free-text answers, joined, are one text) is announced as submitted content, in the
 * submitting transaction, so tagging and moderation take it up; and tagging reads it here.
 */
@Singleton
final class SurveyAnswerTagging implements TaggableContent {

    static final String CONTENT_TYPE = "survey_answer";

    private final AnswerStore answers;
    private final SurveyAnswerTexts texts;
    private final ApplicationEventPublisher<ContentSubmitted> submitted;

    SurveyAnswerTagging(AnswerStore answers, SurveyAnswerTexts texts, ApplicationEventPublisher<ContentSubmitted> submitted) {
        this.answers = answers;
        this.texts = texts;
        this.submitted = submitted;
    }

    @EventListener
    void onAnswered(SurveyAnswered event) {
        answers.find(event.areaId(), event.answerId())
                .filter(a -> texts.text(a).isPresent())
                .ifPresent(a -> submitted.publishEvent(new ContentSubmitted(ContentRef.surveyAnswer(a.areaId(), a.id()),
                        a.respondentRole(), a.submittedAt())));
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public Optional<String> text(String areaId, UUID id) {
        return answers.find(areaId, id).flatMap(texts::text);
    }

    @Override
    public List<UUID> taggable(String areaId) {
        return answers.submittedIds(areaId).stream().filter(id -> text(areaId, id).isPresent()).toList();
    }
}
