package org.yousaid.survey;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The survey templates YouSaid ships (written from the source documents in shared/seeds): the EHC
 * plan survey, the co-produced specialist equipment survey, the annual family impact survey and a
 * set of I statements. Each is checked against the definition schema when the server starts.
 */
@Singleton
public final class SurveyTemplates {

    record Template(String id, String json, SurveyDefinition definition) {
    }

    private static final List<String> IDS = List.of("ehc-plan", "equipment", "annual-impact", "i-statements");

    private final Map<String, Template> templates = new LinkedHashMap<>();

    SurveyTemplates(DefinitionValidator validator) {
        for (String id : IDS) {
            String json = read("surveys/templates/" + id + ".json");
            try {
                templates.put(id, new Template(id, json, validator.check(json)));
            } catch (org.yousaid.shared.ProblemException e) {
                throw new IllegalStateException("shipped template " + id + " is not valid: " + e.errors(), e);
            }
        }
    }

    /** The templates as the API lists them: what a person choosing one needs to know. */
    public List<SurveyViews.TemplateSummary> summaries() {
        return all().stream().map(t -> new SurveyViews.TemplateSummary(t.id(), t.definition().title(),
                t.definition().kindOrOther(), t.definition().description(), t.definition().questions().size())).toList();
    }

    List<Template> all() {
        return List.copyOf(templates.values());
    }

    Optional<Template> find(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    private static String read(String resource) {
        try (InputStream in = SurveyTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
