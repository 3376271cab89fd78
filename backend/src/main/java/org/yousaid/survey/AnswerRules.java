package org.yousaid.survey;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yousaid.shared.FamilyText;

/**
 * Checks answers against the exact version they were given for. Each error is keyed by the question
 * id, so the phone can point at the question. A partial save checks only what is there; a
 * submission also needs every required question that is shown, and nothing for a hidden one.
 */
final class AnswerRules {

    private AnswerRules() {
    }

    static Map<String, String> check(SurveyDefinition definition, Map<String, Object> answers, boolean submitting,
                                     LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String id : answers.keySet()) {
            if (definition.question(id).isEmpty()) {
                errors.put(id, "there is no question '" + id + "' in this version");
            }
        }
        for (SurveyDefinition.Question q : definition.questions()) {
            Object value = answers.get(q.id());
            boolean shown = shown(q, definition, answers);
            if (value == null) {
                if (submitting && shown && q.isRequired()) {
                    errors.put(q.id(), "this question needs an answer");
                }
                continue;
            }
            if (!shown) {
                errors.put(q.id(), "this question is not asked given the answer to '" + q.showIf().question() + "'");
                continue;
            }
            String problem = problem(q, value, today);
            if (problem != null) {
                errors.put(q.id(), problem);
            }
        }
        return errors;
    }

    static boolean shown(SurveyDefinition.Question q, SurveyDefinition definition, Map<String, Object> answers) {
        if (q.showIf() == null) {
            return true;
        }
        SurveyDefinition.Question earlier = definition.question(q.showIf().question()).orElse(null);
        if (earlier == null || !shown(earlier, definition, answers)) {
            return false;
        }
        Object answer = answers.get(earlier.id());
        for (Object wanted : q.showIf().in()) {
            if (wanted instanceof Boolean answered) {
                if (answered == (answer != null)) {
                    return true;
                }
            } else if (answer instanceof List<?> selected) {
                if (selected.contains(wanted)) {
                    return true;
                }
            } else if (answer != null && sameValue(answer, wanted)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code value} is an answer {@code q} can have (for show-if conditions). */
    static boolean canTake(SurveyDefinition.Question q, Object value) {
        if (value instanceof Boolean) {
            return true;
        }
        return switch (QuestionType.of(q.type())) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> value instanceof String s && q.hasOption(s);
            case LIKERT, I_STATEMENT -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && n.intValue() >= 1 && n.intValue() <= 5;
            case NUMBER, DATE, FREE_TEXT, EQUIPMENT_ITEM -> false;
        };
    }

    @Nullable
    static String problem(SurveyDefinition.Question q, Object value, LocalDate today) {
        return switch (QuestionType.of(q.type())) {
            case SINGLE_CHOICE -> value instanceof String s && q.hasOption(s) ? null : "choose one of the options";
            case MULTIPLE_CHOICE -> multiple(q, value);
            case LIKERT, I_STATEMENT -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && n.intValue() >= 1 && n.intValue() <= 5 ? null : "answer 1 (strongly disagree) to 5 (strongly agree)";
            case NUMBER -> number(q, value);
            case DATE -> value instanceof String s ? date(s, today) : "give a date as YYYY-MM-DD";
            case FREE_TEXT -> text(q, value);
            case EQUIPMENT_ITEM -> equipment(q, value, today);
        };
    }

    @Nullable
    private static String multiple(SurveyDefinition.Question q, Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return "choose at least one option";
        }
        Set<Object> distinct = new HashSet<>(list);
        if (distinct.size() != list.size() || !list.stream().allMatch(v -> v instanceof String s && q.hasOption(s))) {
            return "choose options from the list, each once";
        }
        if (q.maxSelected() != null && list.size() > q.maxSelected()) {
            return "choose at most " + q.maxSelected();
        }
        return null;
    }

    @Nullable
    private static String number(SurveyDefinition.Question q, Object value) {
        if (!(value instanceof Number n) || Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
            return "give a number";
        }
        double v = n.doubleValue();
        if (Boolean.TRUE.equals(q.integer()) && v != Math.rint(v)) {
            return "give a whole number";
        }
        if ((q.min() != null && v < q.min()) || (q.max() != null && v > q.max())) {
            return "give a number from " + fmt(q.min()) + " to " + fmt(q.max()) + (q.unit() == null ? "" : " " + q.unit());
        }
        return null;
    }

    /** Children and young people with SEND are 0 to 25: nothing a family reports is older than this. */
    static final int OLDEST_YEARS = 30;

    @Nullable
    private static String date(String text, LocalDate today) {
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(today)) {
                return "this date is in the future";
            }
            return date.isBefore(today.minusYears(OLDEST_YEARS))
                    ? "give a date in the last " + OLDEST_YEARS + " years" : null;
        } catch (DateTimeParseException e) {
            return "give a date as YYYY-MM-DD";
        }
    }

    @Nullable
    private static String text(SurveyDefinition.Question q, Object value) {
        if (!(value instanceof String s)) {
            return "give text";
        }
        // The wall's rule: only zero-width spaces, direction marks or lone combining marks is no text
        // (and one such answer would leave the answer set's tagging failing for good).
        String normalised = FamilyText.clean(s);
        if (FamilyText.isBlank(normalised)) {
            return "give some text, or leave the question out";
        }
        int length = FamilyText.length(normalised);
        if (length > q.textLimit()) {
            return "at most " + q.textLimit() + " characters";
        }
        return FamilyText.hasRefusedCharacters(normalised) ? "control characters are not allowed" : null;
    }

    @Nullable
    private static String equipment(SurveyDefinition.Question q, Object value, LocalDate today) {
        if (!(value instanceof Map<?, ?> item)) {
            return "give the category, the date identified and the date received or stillWaiting";
        }
        Set<Object> allowed = Set.of("category", "identified", "received", "stillWaiting");
        if (!allowed.containsAll(item.keySet())) {
            return "only category, identified, received and stillWaiting are allowed";
        }
        if (!(item.get("category") instanceof String category) || !q.hasCategory(category)) {
            return "choose a category from the list";
        }
        if (!(item.get("identified") instanceof String identifiedText) || date(identifiedText, today) != null) {
            return "give the date the equipment was identified as YYYY-MM-DD, in the last " + OLDEST_YEARS
                    + " years and not in the future";
        }
        Object received = item.get("received");
        boolean waiting = Boolean.TRUE.equals(item.get("stillWaiting"));
        if ((received == null) == !waiting) {
            return "give either the date received or stillWaiting: true";
        }
        if (received != null) {
            if (!(received instanceof String receivedText) || date(receivedText, today) != null) {
                return "give the date received as YYYY-MM-DD, in the last " + OLDEST_YEARS + " years and not in the future";
            }
            if (LocalDate.parse(receivedText).isBefore(LocalDate.parse(identifiedText))) {
                return "the date received is before the date identified";
            }
        }
        return null;
    }

    private static boolean sameValue(Object answer, Object wanted) {
        if (answer instanceof Number a && wanted instanceof Number w) {
            return a.doubleValue() == w.doubleValue();
        }
        return answer.equals(wanted);
    }

    private static String fmt(@Nullable Double d) {
        if (d == null) {
            return "any";
        }
        return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
    }
}
