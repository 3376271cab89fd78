package org.yousaid.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Optional;

/**
 * One version of a survey as the rules read it. The stored JSON (validated against
 * {@code mobile-api-spec/schemas/survey-definition.schema.json}) is what the API returns; this is
 * its typed reading.
 */
@Serdeable
record SurveyDefinition(String title, @Nullable String description, @Nullable String kind, List<Question> questions) {

    @Serdeable
    record Option(String id, String label) {
    }

    @Serdeable
    record ShowIf(String question, List<Object> in) {
    }

    @Serdeable
    record Question(String id, String type, String text, @Nullable String help, @Nullable Boolean required,
                    @Nullable ShowIf showIf, @Nullable List<Option> options, @Nullable Integer maxSelected,
                    @Nullable String outcome, @Nullable String unit, @Nullable Double min, @Nullable Double max,
                    @Nullable Boolean integer, @Nullable Integer maxLength, @Nullable List<Option> categories,
                    @Nullable Integer targetWeeks) {

        static final int DEFAULT_MAX_LENGTH = 2000;

        boolean isRequired() {
            return Boolean.TRUE.equals(required);
        }

        boolean hasOption(String optionId) {
            return options != null && options.stream().anyMatch(o -> o.id().equals(optionId));
        }

        boolean hasCategory(String categoryId) {
            return categories != null && categories.stream().anyMatch(o -> o.id().equals(categoryId));
        }

        int textLimit() {
            return maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
        }
    }

    Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    String kindOrOther() {
        return kind == null ? "other" : kind;
    }
}
