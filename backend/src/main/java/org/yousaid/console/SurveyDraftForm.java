package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A survey draft as the console's form shows it, and the form read back into a definition for the
 * survey service to check and save. The form edits what a commissioner words and decides (title,
 * introduction, each question's wording, help, type, whether it must be answered, its options and
 * the type's own settings); what it does not show (ids, show-if rules, limits) is kept from the
 * stored draft, so a save never loses them.
 */
final class SurveyDraftForm {

    private SurveyDraftForm() {
    }

    /** A question type as the form offers it. */
    record Type(String value, String label) {
    }

    /** A type in one question's list of types, chosen or not. */
    record TypeChoice(String value, String label, boolean selected) {
    }

    static final List<Type> TYPES = List.of(
            new Type("single_choice", "One answer from a list"),
            new Type("multiple_choice", "Any answers from a list"),
            new Type("likert", "Agree or disagree (1 to 5)"),
            new Type("i_statement", "I statement (agree or disagree, measures an outcome)"),
            new Type("number", "A number"),
            new Type("date", "A date"),
            new Type("free_text", "Their own words"),
            new Type("equipment_item", "An item of specialist equipment and its dates"));

    /** Which keys each type owns: the rest of a question's keys are the same for every type. */
    private static final Map<String, Set<String>> OWN_KEYS = Map.of(
            "single_choice", Set.of("options", "maxSelected"),
            "multiple_choice", Set.of("options", "maxSelected"),
            "i_statement", Set.of("outcome"),
            "number", Set.of("unit", "min", "max", "integer"),
            "free_text", Set.of("maxLength"),
            "equipment_item", Set.of("categories", "targetWeeks"));
    private static final Set<String> TYPED = Set.of("options", "maxSelected", "outcome", "unit", "min", "max", "integer",
            "maxLength", "categories", "targetWeeks");

    /** The form: the survey's words, its questions, and an empty question to add. */
    record Form(String title, String introduction, List<Question> questions, int count, List<Type> types,
                Map<String, String> errors) {
    }

    /** One question's fields; {@code n} is its place (1, 2, …) and names its inputs ({@code q3-text}). */
    record Question(int n, String id, String type, String text, String help, boolean required, String options,
                    String optionsLabel, String min, String max, String unit, String outcome, boolean choice,
                    boolean number, boolean statement, boolean first, boolean last, List<TypeChoice> types,
                    Map<String, String> errors) {
    }

    static Form of(Map<String, Object> definition, List<Pages.FieldError> fieldErrors) {
        Map<String, String> errors = new LinkedHashMap<>();
        fieldErrors.forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + ". " + b));
        List<Map<String, Object>> questions = questions(definition);
        List<Question> shown = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Map<String, Object> q = questions.get(i);
            String type = text(q.get("type"));
            boolean equipment = "equipment_item".equals(type);
            boolean choice = "single_choice".equals(type) || "multiple_choice".equals(type) || equipment;
            Object list = equipment ? q.get("categories") : q.get("options");
            String prefix = "q" + (i + 1) + "-";
            Map<String, String> mine = new LinkedHashMap<>();
            errors.forEach((field, message) -> {
                if (field.startsWith(prefix)) {
                    mine.put(field.substring(prefix.length()), message);
                }
            });
            shown.add(new Question(i + 1, text(q.get("id")), type, text(q.get("text")), text(q.get("help")),
                    Boolean.TRUE.equals(q.get("required")), labels(list),
                    equipment ? "Categories of equipment, one on each line" : "Options, one on each line",
                    text(q.get("min")), text(q.get("max")), text(q.get("unit")), text(q.get("outcome")), choice,
                    "number".equals(type), "i_statement".equals(type), i == 0, i == questions.size() - 1,
                    TYPES.stream().map(t -> new TypeChoice(t.value(), t.label(), t.value().equals(type))).toList(), mine));
        }
        Map<String, String> top = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            if (!field.startsWith("q") || field.startsWith("q-new")) {
                top.put(field, message);
            }
        });
        return new Form(text(definition.get("title")), text(definition.get("description")), shown, shown.size(), TYPES, top);
    }

    /**
     * The definition the form describes: each question at its place (after a move up or down), without
     * those marked for removal, with the new question at the end if one was written.
     */
    static Map<String, Object> read(Map<String, String> form, Map<String, Object> stored) {
        Map<String, Map<String, Object>> storedById = new LinkedHashMap<>();
        for (Map<String, Object> q : questions(stored)) {
            storedById.put(text(q.get("id")), q);
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("title", value(form, "title"));
        putIfGiven(definition, "description", value(form, "description"));
        if (stored.get("kind") != null) {
            definition.put("kind", stored.get("kind"));
        }
        List<Map<String, Object>> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int n = 1; form.containsKey("q" + n + "-id"); n++) {
            String p = "q" + n + "-";
            String id = value(form, p + "id");
            if (form.containsKey(p + "remove")) {
                continue;
            }
            Map<String, Object> base = storedById.getOrDefault(id, Map.of());
            questions.add(question(form, p, id, base));
            ids.add(id);
        }
        move(questions, form);
        String newText = value(form, "q-new-text");
        if (!newText.isEmpty() || !value(form, "q-new-options").isEmpty()) {
            questions.add(question(form, "q-new-", uniqueId(newText, ids, storedById.keySet()), Map.of()));
        }
        definition.put("questions", questions);
        return definition;
    }

    private static Map<String, Object> question(Map<String, String> form, String p, String id, Map<String, Object> base) {
        String type = value(form, p + "type");
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("id", id);
        q.put("type", type);
        q.put("text", value(form, p + "text"));
        putIfGiven(q, "help", value(form, p + "help"));
        if (form.containsKey(p + "required")) {
            q.put("required", true);
        }
        // What the form does not show is kept, except a setting the (perhaps new) type does not have.
        Set<String> own = OWN_KEYS.getOrDefault(type, Set.of());
        base.forEach((key, v) -> {
            if (!q.containsKey(key) && !"help".equals(key) && !"required".equals(key) && (!TYPED.contains(key) || own.contains(key))) {
                q.put(key, v);
            }
        });
        switch (type) {
            case "single_choice", "multiple_choice" -> q.put("options", options(value(form, p + "options"), base.get("options")));
            case "equipment_item" -> q.put("categories", options(value(form, p + "options"), base.get("categories")));
            case "number" -> {
                putNumber(q, "min", value(form, p + "min"));
                putNumber(q, "max", value(form, p + "max"));
                putIfGiven(q, "unit", value(form, p + "unit"));
            }
            case "i_statement" -> putIfGiven(q, "outcome", value(form, p + "outcome"));
            default -> {
            }
        }
        return q;
    }

    /** Moves the question a "move up" or "move down" button named ({@code up-3}: the form's third question). */
    private static void move(List<Map<String, Object>> questions, Map<String, String> form) {
        Matcher m = Pattern.compile("(up|down)-([0-9]{1,3})").matcher(value(form, "move"));
        if (!m.matches()) {
            return;
        }
        String id = value(form, "q" + m.group(2) + "-id");
        int at = -1;
        for (int i = 0; i < questions.size(); i++) {
            if (text(questions.get(i).get("id")).equals(id)) {
                at = i;
            }
        }
        int to = "up".equals(m.group(1)) ? at - 1 : at + 1;
        if (at >= 0 && to >= 0 && to < questions.size()) {
            questions.add(to, questions.remove(at));
        }
    }

    /** Options by line; an option worded as before keeps its id (answers and show-if rules refer to it). */
    private static List<Map<String, Object>> options(String lines, @Nullable Object stored) {
        Map<String, String> idByLabel = new LinkedHashMap<>();
        if (stored instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    idByLabel.putIfAbsent(text(m.get("label")), text(m.get("id")));
                }
            }
        }
        List<Map<String, Object>> options = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String line : lines.split("\\R")) {
            String label = line.strip();
            if (label.isEmpty()) {
                continue;
            }
            String id = idByLabel.get(label);
            if (id == null || used.contains(id)) {
                id = uniqueId(label, used, idByLabel.values());
            }
            used.add(id);
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("id", id);
            option.put("label", label);
            options.add(option);
        }
        return options;
    }

    /** An id in the definition's pattern ({@code [a-z][a-z0-9_]{0,63}}) made from words, not yet taken. */
    static String uniqueId(String words, Set<String> taken, java.util.Collection<String> alsoTaken) {
        String slug = words.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^[^a-z]+|_+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("_+$", "");
        }
        if (slug.isEmpty()) {
            slug = "question";
        }
        String id = slug;
        for (int i = 2; taken.contains(id) || alsoTaken.contains(id); i++) {
            id = slug + "_" + i;
        }
        return id;
    }

    /** A place in the definition as the schema validator names it: a JSON pointer, or the older JSON path. */
    private static final Pattern AT_QUESTION = Pattern.compile("^(?:\\$\\.questions\\[(\\d+)\\](?:\\.(\\w+))?|/questions/(\\d+)(?:/(\\w+))?).*");
    /** Reported for every property of a question whose type's branch failed: noise beside the real problem. */
    private static final String UNEVALUATED = "is not evaluated and the schema does not allow unevaluated properties";
    private static final Pattern BY_ID = Pattern.compile("^questions/(.+)$");

    /**
     * The service's problems with the definition, each on the form field it concerns, worded for the
     * person at the form. The service names places in the definition ({@code $.questions[2].text}, or
     * {@code questions/<id>} for its own rules); the form's field ids follow the questions' places.
     */
    static List<Pages.FieldError> errors(Map<String, String> problems, Map<String, Object> definition) {
        List<Map<String, Object>> questions = questions(definition);
        Map<String, String> byField = new LinkedHashMap<>();
        boolean onlyUnevaluated = problems.values().stream().allMatch(m -> m.contains(UNEVALUATED));
        problems.forEach((where, messages) -> {
            for (String message : messages.split("; ")) {
                if (!onlyUnevaluated && message.contains(UNEVALUATED)) {
                    continue;
                }
                place(where, message, questions, byField);
            }
        });
        return byField.entrySet().stream().map(e -> new Pages.FieldError(e.getKey(), e.getValue())).toList();
    }

    private static void place(String where, String message, List<Map<String, Object>> questions, Map<String, String> byField) {
        String detail = message.replaceFirst("^(\\$|/)[^:]*:\\s*", "");
        Matcher at = AT_QUESTION.matcher(where);
        Matcher byId = BY_ID.matcher(where);
        int index = -1;
        String property = null;
        if (at.matches()) {
            index = Integer.parseInt(at.group(1) != null ? at.group(1) : at.group(3));
            property = at.group(1) != null ? at.group(2) : at.group(4);
        } else if (byId.matches()) {
            for (int i = 0; i < questions.size(); i++) {
                if (text(questions.get(i).get("id")).equals(byId.group(1))) {
                    index = i;
                }
            }
        }
        if (index >= 0 && index < questions.size()) {
            String field = questionField(property, detail, text(questions.get(index).get("type")));
            byField.merge("q" + (index + 1) + "-" + field, "Question " + (index + 1) + ": " + human(field, detail),
                    (a, b) -> a + "; " + human(field, detail));
        } else if (where.startsWith("$.description") || where.startsWith("/description")) {
            byField.merge("description", "Introduction: " + human("description", detail), (a, b) -> a);
        } else if (where.startsWith("$.questions") || where.startsWith("/questions")) {
            byField.merge("q-new-text", "Add at least one question", (a, b) -> a);
        } else {
            byField.merge("title", "Title: " + human("title", detail), (a, b) -> a + "; " + human("title", detail));
        }
    }

    private static String questionField(@Nullable String property, String detail, String type) {
        if (property != null) {
            return switch (property) {
                case "options", "categories", "maxSelected" -> "options";
                case "min", "max", "unit", "outcome", "help", "type" -> property;
                default -> "text";
            };
        }
        for (String field : List.of("options", "categories", "maxSelected", "min", "max", "outcome")) {
            if (detail.contains("'" + field + "'") || detail.contains(field + " ")) {
                return "categories".equals(field) || "maxSelected".equals(field) ? "options" : field;
            }
        }
        return detail.contains("option") ? "options" : "text";
    }

    private static String human(String field, String detail) {
        String name = switch (field) {
            case "options" -> "options";
            case "min" -> "the lowest answer";
            case "max" -> "the highest answer";
            case "outcome" -> "the outcome it measures";
            case "description" -> "the introduction";
            case "title" -> "the title";
            default -> "the question";
        };
        if (detail.contains("at least 1 characters") || detail.contains("required property")) {
            return "options".equals(field) ? "give at least 2 options, one on each line" : "enter " + name;
        }
        if (detail.contains("must have at least")) {
            return "options".equals(field) ? "give at least 2 options, one on each line" : detail;
        }
        if (detail.contains("expected") && detail.contains("number")) {
            return "enter " + name + " as a number, like 0 or 20";
        }
        Matcher longer = Pattern.compile("must be at most (\\d+) characters").matcher(detail);
        if (longer.find()) {
            return "shorten " + name + " to " + longer.group(1) + " characters or fewer";
        }
        if (detail.contains("does not have a value in the enumeration")) {
            return "choose a type of question";
        }
        return detail;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> questions(Map<String, Object> definition) {
        Object questions = definition.get("questions");
        if (!(questions instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(q -> (Map<String, Object>) q).toList();
    }

    private static String labels(@Nullable Object list) {
        if (!(list instanceof List<?> options)) {
            return "";
        }
        return String.join("\n", options.stream().map(o -> o instanceof Map<?, ?> m ? text(m.get("label")) : "").toList());
    }

    static String typeLabel(String type) {
        return TYPES.stream().filter(t -> t.value().equals(type)).map(Type::label).findFirst().orElse(type);
    }

    static String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    private static String value(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null ? "" : v.strip();
    }

    private static void putIfGiven(Map<String, Object> map, String key, String value) {
        if (!value.isEmpty()) {
            map.put(key, value);
        }
    }

    /** A number as a number; anything else as typed, for the service's check to name. */
    private static void putNumber(Map<String, Object> q, String key, String value) {
        if (value.isEmpty()) {
            q.remove(key);
            return;
        }
        try {
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d)) {
                q.put(key, value);
                return;
            }
            q.put(key, d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d);
        } catch (NumberFormatException e) {
            q.put(key, value);
        }
    }
}
