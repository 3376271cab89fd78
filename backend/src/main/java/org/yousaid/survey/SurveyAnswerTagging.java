package org.yousaid.survey;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private final AnswerStore answers;
    private final SurveyStore surveys;
    private final SurveyService surveyService;
    private final TaggingQueue queue;
    private final io.micronaut.json.JsonMapper json;

    SurveyAnswerTagging(AnswerStore answers, SurveyStore surveys, SurveyService surveyService, TaggingQueue queue,
                        io.micronaut.json.JsonMapper json) {
        this.answers = answers;
        this.surveys = surveys;
        this.surveyService = surveyService;
        this.queue = queue;
        this.json = json;
    }

    @EventListener
    void onAnswered(SurveyAnswered event) {
        if (text(event.areaId(), event.answerId()).isPresent()) {
            queue.submitted(event.areaId(), contentType(), event.answerId());
        }
    }

    @Override
    public String contentType() {
        return "survey_answer";
    }

    @Override
    public Optional<String> text(String areaId, UUID id) {
        return answers.find(areaId, id).filter(a -> SurveyAnswer.SUBMITTED.equals(a.status())).flatMap(a -> {
            SurveyDefinition definition = surveys.version(areaId, a.surveyId(), a.version())
                    .map(v -> surveyService.validatorless(v.definitionJson())).orElse(null);
            if (definition == null) {
                return Optional.empty();
            }
            Map<String, Object> values = read(a.answersJson());
            List<String> texts = new ArrayList<>();
            for (SurveyDefinition.Question q : definition.questions()) {
                if ("free_text".equals(q.type()) && values.get(q.id()) instanceof String s && !s.isBlank()) {
                    texts.add(s.strip());
                }
            }
            return texts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", texts));
        });
    }

    @Override
    public List<UUID> taggable(String areaId) {
        return answers.submittedIds(areaId).stream().filter(id -> text(areaId, id).isPresent()).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
