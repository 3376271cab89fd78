package org.yousaid.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.yousaid.content.ContentType;
import org.yousaid.response.ResponseViews;

/**
 * A response as the commissioner's form holds it: what they typed, kept as typed so a refused save
 * shows it again. Citations are keyed {@code type|id} with the choice {@code alone} or a group number.
 */
record ResponseForm(String title, String summary, String weDid, String easyRead, String from, String to,
                    String changeNote, Set<String> themes, Set<String> outcomes, Set<String> indicators,
                    Map<String, String> cites, String version) {

    static final String ALONE = "alone";
    static final int GROUPS = 3;

    static ResponseForm empty(LocalDate today) {
        return new ResponseForm("", "", "", "", today.minusMonths(3).toString(), today.toString(), "", Set.of(), Set.of(),
                Set.of(), Map.of(), "");
    }

    static ResponseForm of(ResponseViews.ResponseView r, List<ResponseViews.Citable> citable) {
        Map<String, String> cites = new LinkedHashMap<>();
        citable.stream().filter(c -> c.group() != null).forEach(c ->
                cites.put(key(c.contentType(), c.contentId()), c.group() == 0 ? ALONE : Integer.toString(c.group())));
        return new ResponseForm(r.title(), r.youSaid().summary(), r.weDid(), r.easyRead() == null ? "" : r.easyRead(),
                r.from().toString(), r.to().toString(), "", set(r.themes().stream().map(ResponseViews.ThemeName::id).toList()),
                set(r.outcomes().stream().map(o -> o.id().toString()).toList()),
                set(r.indicators().stream().map(i -> i.id().toString()).toList()), cites, Integer.toString(r.version()));
    }

    static ResponseForm posted(FormFields form) {
        Map<String, String> cites = new LinkedHashMap<>();
        for (String cite : form.all("cite")) {
            String[] parts = cite.split("\\|");
            if (parts.length == 3) {
                cites.put(parts[0] + "|" + parts[1], parts[2]);
            }
        }
        return new ResponseForm(text(form.one("title")), text(form.one("summary")), text(form.one("weDid")),
                text(form.one("easyRead")), text(form.one("from")), text(form.one("to")), text(form.one("changeNote")),
                set(form.all("themes")), set(form.all("outcomes")), set(form.all("indicators")), cites,
                text(form.one("version")));
    }

    static String key(ContentType contentType, UUID id) {
        return contentType.value() + "|" + id;
    }

    /** The choice made for a text, or "" when it is not cited. */
    String citeOf(ContentType contentType, UUID id) {
        return cites.getOrDefault(key(contentType, id), "");
    }

    /** What the form asks the service for; a field that cannot be read as its type is refused here. */
    ResponseViews.ResponseRequest request(List<Pages.FieldError> errors) {
        // Everything missing is said at once (the GOV.UK pattern), in the words of the form's labels;
        // the service still checks it all again.
        required(title, "title", "Enter a title", errors);
        required(summary, "summary", "Enter what families told us", errors);
        required(weDid, "weDid", "Enter what has changed, or will", errors);
        if (themes.isEmpty()) {
            errors.add(new Pages.FieldError("themes", "Select the themes it answers"));
        }
        LocalDate fromDate = date(from, "from", "Enter the date the period starts, for example 2026-04-01", errors);
        LocalDate toDate = date(to, "to", "Enter the date the period ends, for example 2026-06-30", errors);
        List<UUID> comments = new ArrayList<>();
        List<UUID> answers = new ArrayList<>();
        Map<String, List<ResponseViews.ContentRefRequest>> groups = new TreeMap<>();
        cites.forEach((key, choice) -> {
            String[] parts = key.split("\\|");
            UUID id = FormFields.uuid(parts[1]).orElse(null);
            if (id == null) {
                errors.add(new Pages.FieldError("cite-0", "A cited text could not be read: reload the page and choose again"));
                return;
            }
            if (ALONE.equals(choice)) {
                ("survey_answer".equals(parts[0]) ? answers : comments).add(id);
            } else {
                groups.computeIfAbsent(choice, g -> new ArrayList<>()).add(new ResponseViews.ContentRefRequest(parts[0], id));
            }
        });
        Integer shownVersion = null;
        try {
            shownVersion = version.isEmpty() ? null : Integer.valueOf(version);
        } catch (NumberFormatException e) {
            errors.add(new Pages.FieldError("title", "The page could not tell which version you edited: reload it"));
        }
        return new ResponseViews.ResponseRequest(title, summary, weDid, easyRead.isBlank() ? null : easyRead,
                List.copyOf(themes), fromDate, toDate, comments, answers,
                groups.values().stream().map(ResponseViews.CitedGroupRequest::new).toList(),
                ids(outcomes, "outcomes", errors), ids(indicators, "indicators", errors), shownVersion,
                changeNote.isBlank() ? null : changeNote);
    }

    private static LocalDate date(String text, String field, String message, List<Pages.FieldError> errors) {
        try {
            return text.isEmpty() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new Pages.FieldError(field, message));
            return null;
        }
    }

    private static List<UUID> ids(Set<String> values, String field, List<Pages.FieldError> errors) {
        List<UUID> ids = new ArrayList<>();
        for (String v : values) {
            FormFields.uuid(v).ifPresentOrElse(ids::add, () ->
                    errors.add(new Pages.FieldError(field, "Choose from the area's " + field + " shown")));
        }
        return ids;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Set<String> set(List<String> values) {
        return new LinkedHashSet<>(values);
    }

    private static void required(String value, String field, String message, List<Pages.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Pages.FieldError(field, message));
        }
    }
}
