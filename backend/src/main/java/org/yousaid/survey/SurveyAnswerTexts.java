package org.yousaid.survey;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Set;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yousaid.shared.FamilyText;

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
        return text(answer, new HashMap<>());
    }

    /** The texts of a page of answer sets, reading each survey version's definition once. */
    Map<UUID, String> texts(Collection<SurveyAnswer> answers) {
        Map<String, Optional<SurveyDefinition>> definitions = new HashMap<>();
        Map<UUID, String> found = new HashMap<>();
        answers.forEach(a -> text(a, definitions).ifPresent(t -> found.put(a.id(), t)));
        return found;
    }

    /** The text of an answer set whose version's definition the caller already holds. */
    Optional<String> text(SurveyAnswer answer, SurveyDefinition definition) {
        Map<String, Optional<SurveyDefinition>> known = new HashMap<>();
        known.put(answer.surveyId() + "/" + answer.version(), Optional.of(definition));
        return text(answer, known);
    }

    private Optional<String> text(SurveyAnswer answer, Map<String, Optional<SurveyDefinition>> definitions) {
        if (!SurveyAnswer.SUBMITTED.equals(answer.status())) {
            return Optional.empty();
        }
        Optional<SurveyDefinition> definition = definitions.computeIfAbsent(answer.surveyId() + "/" + answer.version(),
                key -> surveys.version(answer.areaId(), answer.surveyId(), answer.version())
                        .map(v -> surveyService.validatorless(v.definitionJson())));
        if (definition.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> values = read(answer.answersJson());
        List<String> texts = new ArrayList<>();
        for (SurveyDefinition.Question q : definition.get().questions()) {
            // An answer of invisible characters stored before they were refused is no text to tag or read.
            if (QuestionType.of(q.type()) == QuestionType.FREE_TEXT && values.get(q.id()) instanceof String s && !FamilyText.isBlank(FamilyText.clean(s))) {
                texts.add(s.strip());
            }
        }
        return texts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", texts));
    }

    /**
     * The answer set without what the family wrote in their own words: the structured answers
     * (choices, scales, dates) alone, as JSON, or an empty object when {@code keepStructured} is
     * false or the survey version is gone.
     */
    String withoutWords(SurveyAnswer answer, boolean keepStructured) {
        Optional<SurveyDefinition> definition = keepStructured
                ? surveys.version(answer.areaId(), answer.surveyId(), answer.version())
                        .map(v -> surveyService.validatorless(v.definitionJson()))
                : Optional.empty();
        if (definition.isEmpty()) {
            return "{}";
        }
        Map<String, Object> values = new java.util.LinkedHashMap<>(read(answer.answersJson()));
        for (SurveyDefinition.Question q : definition.get().questions()) {
            if (QuestionType.of(q.type()) == QuestionType.FREE_TEXT) {
                values.remove(q.id());
            }
        }
        // A value under an id the definition does not know is nobody's structured answer: it goes too.
        Set<String> known = definition.get().questions().stream().map(SurveyDefinition.Question::id)
                .collect(java.util.stream.Collectors.toSet());
        values.keySet().retainAll(known);
        try {
            return json.writeValueAsString(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the family answered, by question id, as stored. */
    Map<String, Object> answers(SurveyAnswer answer) {
        return read(answer.answersJson());
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
