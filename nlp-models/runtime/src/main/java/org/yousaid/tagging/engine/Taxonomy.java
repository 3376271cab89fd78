package org.yousaid.tagging.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A versioned theme taxonomy: groups of themes, each with a stable id (the label used in data and
 * models), a name families and commissioners read, and a plain-English description. Ids are never
 * reused; a renamed or merged theme gets a new taxonomy version.
 */
public record Taxonomy(String version, String name, List<Group> groups) {

    public record Group(String id, String name, List<Theme> themes) {
    }

    public record Theme(String id, String name, String description) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public static Taxonomy load(Path file) throws IOException {
        return YAML.readValue(file.toFile(), Taxonomy.class).checked();
    }

    public static Taxonomy load(InputStream in) throws IOException {
        return YAML.readValue(in, Taxonomy.class).checked();
    }

    public List<Theme> themes() {
        return groups.stream().flatMap(g -> g.themes().stream()).toList();
    }

    public Map<String, Theme> byId() {
        return themes().stream().collect(Collectors.toMap(Theme::id, Function.identity()));
    }

    /** Refuses data whose labels are not theme ids of this taxonomy (a typo would train a new theme). */
    public void checkLabels(List<LabelledText> rows) {
        Set<String> known = byId().keySet();
        Set<String> unknown = new TreeSet<>();
        rows.forEach(r -> r.labels().stream().filter(l -> !known.contains(l)).forEach(unknown::add));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("labels not in taxonomy " + version + ": " + unknown);
        }
    }

    private Taxonomy checked() {
        Set<String> seen = new TreeSet<>();
        for (Theme theme : themes()) {
            if (!theme.id().matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("theme id '" + theme.id() + "' must be lower_snake_case");
            }
            if (!seen.add(theme.id())) {
                throw new IllegalArgumentException("theme id '" + theme.id() + "' appears twice");
            }
        }
        return this;
    }
}
