package org.yousaid.survey;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one reading of what a family wrote in a submitted answer set: its free-text answers, in
 * question order, joined by a blank line. Tagging analyses exactly this text and moderators read
 * exactly this text, so redaction offsets point at the same characters for both.
 */
@Singleton
final class SurveyAnswerTexts {

    private final SurveyStore surveys;
    private final SurveyService surveyService;
    private final JsonMapper json;

    SurveyAnswerTexts(SurveyStore surveys, SurveyService surveyService, JsonMapper json) {
        this.surveys = surveys;
        this.surveyService = surveyService;
        this.json = json;
    }

    /** Empty for a partial answer set or one with no free text. */
    Optional<String> text(SurveyAnswer answer) {
        if (!SurveyAnswer.SUBMITTED.equals(answer.status())) {
            return Optional.empty();
        }
        Optional<SurveyDefinition> definition = surveys.version(answer.areaId(), answer.surveyId(), answer.version())
                .map(v -> surveyService.validatorless(v.definitionJson()));
        if (definition.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> values = read(answer.answersJson());
        List<String> texts = new ArrayList<>();
        for (SurveyDefinition.Question q : definition.get().questions()) {
            if ("free_text".equals(q.type()) && values.get(q.id()) instanceof String s && !s.isBlank()) {
                texts.add(s.strip());
            }
        }
        return texts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", texts));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
