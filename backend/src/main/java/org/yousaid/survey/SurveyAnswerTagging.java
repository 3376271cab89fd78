package org.yousaid.survey;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.tagging.TaggableContent;
import org.yousaid.tagging.TaggingQueue;

/**
 * Free-text survey answers go through the tagging pipeline like wall comments: the submitted answer
 * set's free-text answers, joined, are one text. Queued in the submitting transaction.
 */
@Singleton
final class SurveyAnswerTagging implements TaggableContent {

    static final String CONTENT_TYPE = "survey_answer";

    private final AnswerStore answers;
    private final SurveyAnswerTexts texts;
    private final TaggingQueue queue;

    SurveyAnswerTagging(AnswerStore answers, SurveyAnswerTexts texts, TaggingQueue queue) {
        this.answers = answers;
        this.texts = texts;
        this.queue = queue;
    }

    @EventListener
    void onAnswered(SurveyAnswered event) {
        if (text(event.areaId(), event.answerId()).isPresent()) {
            queue.submitted(event.areaId(), contentType(), event.answerId());
        }
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
