package org.yousaid.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yousaid.shared.ProblemException;

/**
 * Checks a survey definition: first its shape against the JSON Schema kept with the API contract
 * (networknt json-schema-validator, draft 2020-12), then what a schema cannot say: ids are unique,
 * a show-if refers to an earlier question and to values that question can take, bounds are ordered.
 */
@Singleton
final class DefinitionValidator {

    static final String SCHEMA = "yousaid-api/schemas/survey-definition.schema.json";
    private static final ObjectMapper JACKSON = new ObjectMapper();

    private final JsonSchema schema;
    private final JsonMapper json;

    DefinitionValidator(JsonMapper json) {
        this.json = json;
        try (InputStream in = DefinitionValidator.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCHEMA + " (packaged by mobile-api-spec)");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Read before the schema has checked the definition: an unknown type is compared as text, never parsed.
    private static final Set<String> CHOICES = Set.of(QuestionType.SINGLE_CHOICE.wire(), QuestionType.MULTIPLE_CHOICE.wire());

    /**
     * Drops empty lists a question type does not use ({@code options: []} on a Likert question):
     * clients generated from the contract initialise every list, so a draft read and saved back
     * unchanged carries them, and refusing it would make editing impossible for those apps.
     */
    String normalise(String definitionJson) {
        try {
            JsonNode node = JACKSON.readTree(definitionJson);
            if (node.path("questions") instanceof com.fasterxml.jackson.databind.node.ArrayNode questions) {
                for (JsonNode q : questions) {
                    if (q instanceof com.fasterxml.jackson.databind.node.ObjectNode question) {
                        String type = question.path("type").asText();
                        dropIfEmpty(question, "options", CHOICES.contains(type));
                        dropIfEmpty(question, "categories", QuestionType.EQUIPMENT_ITEM.wire().equals(type));
                    }
                }
            }
            return JACKSON.writeValueAsString(node);
        } catch (IOException e) {
            return definitionJson;
        }
    }

    private static void dropIfEmpty(com.fasterxml.jackson.databind.node.ObjectNode question, String field, boolean used) {
        if (!used && question.path(field).isArray() && question.path(field).isEmpty()) {
            question.remove(field);
        }
    }

    /** Validates JSON text and returns its typed reading; a 400 naming each problem otherwise. */
    SurveyDefinition check(String definitionJson) {
        JsonNode node;
        try {
            node = JACKSON.readTree(definitionJson);
        } catch (IOException e) {
            throw invalid(Map.of("$", "not JSON"));
        }
        Set<ValidationMessage> messages = schema.validate(node);
        if (!messages.isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            messages.stream().limit(20).forEach(m -> errors.merge(m.getInstanceLocation().toString(), m.getMessage(),
                    (a, b) -> a + "; " + b));
            throw invalid(errors);
        }
        SurveyDefinition definition;
        try {
            definition = json.readValue(definitionJson, SurveyDefinition.class);
        } catch (IOException e) {
            // Staff write definitions, so the reader's message (which may quote the JSON) can be shown.
            throw invalid(Map.of("$", "cannot be read: " + e.getMessage()));
        }
        Map<String, String> errors = rules(definition);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return definition;
    }

    private static Map<String, String> rules(SurveyDefinition d) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (SurveyDefinition.Question q : d.questions()) {
            String at = "questions/" + q.id();
            if (!seen.add(q.id())) {
                errors.put(at, "question id '" + q.id() + "' is used twice");
            }
            for (List<SurveyDefinition.Option> list : new List[] {q.options(), q.categories()}) {
                if (list != null && list.stream().map(SurveyDefinition.Option::id).distinct().count() != list.size()) {
                    errors.put(at, "option ids must be unique");
                }
            }
            if (q.min() != null && q.max() != null && q.min() > q.max()) {
                errors.put(at, "min is greater than max");
            }
            if (q.maxSelected() != null && q.options() != null && q.maxSelected() > q.options().size()) {
                errors.put(at, "maxSelected is more than the number of options");
            }
            if (q.showIf() != null) {
                String target = q.showIf().question();
                if (!seen.contains(target) || target.equals(q.id())) {
                    errors.put(at, "showIf must refer to an earlier question");
                } else {
                    SurveyDefinition.Question earlier = d.question(target).orElseThrow();
                    for (Object value : q.showIf().in()) {
                        if (!AnswerRules.canTake(earlier, value)) {
                            errors.put(at, "showIf value " + value + " is not an answer '" + target + "' can have");
                        }
                    }
                }
            }
        }
        return errors;
    }

    private static ProblemException invalid(Map<String, String> errors) {
        return new ProblemException(SurveyProblem.DEFINITION_INVALID,
                "The survey definition does not follow the survey definition schema; see errors.", errors);
    }
}
