package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
import org.yousaid.identity.StaffSessions;
import org.yousaid.moderation.AreaTheme;
import org.yousaid.moderation.ModerationProblem;
import org.yousaid.moderation.ReviewService;
import org.yousaid.moderation.TaxonomyService;
import org.yousaid.moderation.TaxonomyVersion;
import org.yousaid.shared.ProblemException;

/**
 * The forum lead's themes: the area's taxonomy with how many waiting texts carry each theme, and
 * every change the API offers (add, rename and describe, merge, split, retire) as plain forms, each
 * through the same {@link TaxonomyService} as {@code …/moderation/themes}. Commissioners may read
 * the taxonomy through the API, but these pages are the forum leads' desk and refuse everyone else.
 * Paths without a theme id carry a hyphen, which no theme id may, so they never shadow a theme's page.
 */
@Controller("/console/areas/{areaId}/themes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class ThemePages {

    static final String REFUSED = "You cannot change this area's themes";

    /** An active theme as the list shows it. */
    record Row(String themeId, String name, String description, long waiting, String href) {
    }

    /** A theme no longer in use, and where its texts went. */
    record Closed(String themeId, String name, String status) {
    }

    /** One change in the taxonomy's history. */
    record Change(int version, String when, String who, String what) {
    }

    record AddForm(String id, String name, String description) {
    }

    record MergeForm(List<String> from, String into) {
    }

    record DescribeForm(String name, String description) {
    }

    /** One new theme of a split; the page offers three, the third optional. */
    record Part(int number, String id, String name, String description) {
        boolean blank() {
            return id.isBlank() && name.isBlank() && description.isBlank();
        }
    }

    private static final Map<String, String> DONE = Map.of(
            "added", "The theme was added.",
            "described", "The theme's name and description were saved.",
            "merged", "The themes were merged. Their texts are now filed under the theme they went into.",
            "split", "The theme was split. Its texts are queued to be tagged again with the new themes.",
            "retired", "The theme was retired.");

    private final StaffSessions sessions;
    private final TaxonomyService taxonomy;
    private final ThemeMerges merges;
    private final ReviewService reviews;
    private final AreaAccess access;

    ThemePages(StaffSessions sessions, TaxonomyService taxonomy, ThemeMerges merges, ReviewService reviews, AreaAccess access) {
        this.sessions = sessions;
        this.taxonomy = taxonomy;
        this.merges = merges;
        this.reviews = reviews;
        this.access = access;
    }

    @Get
    MutableHttpResponse<?> themes(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String done) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> list(HttpStatus.OK, request, caller, areaId,
                done == null ? null : DONE.get(done), List.of(), new AddForm("", "", ""), new MergeForm(List.of(), "")));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> add(HttpRequest<?> request, @PathVariable String areaId, @Nullable String csrf,
                               @Nullable String id, @Nullable String name, @Nullable String description) {
        AddForm form = new AddForm(trim(id), trim(name), trim(description));
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            access.require(caller, areaId, Role.FORUM_LEAD);
            List<Pages.FieldError> errors = new ArrayList<>();
            if (form.id().isEmpty()) {
                errors.add(new Pages.FieldError("add-id", "Enter an id for the theme"));
            }
            if (form.name().isEmpty()) {
                errors.add(new Pages.FieldError("add-name", "Enter a name for the theme"));
            }
            if (!errors.isEmpty()) {
                return list(HttpStatus.BAD_REQUEST, request, caller, areaId, null, errors, form, new MergeForm(List.of(), ""));
            }
            try {
                taxonomy.add(caller, areaId, new TaxonomyService.NewTheme(form.id(), form.name(),
                        form.description().isEmpty() ? null : form.description()));
            } catch (ProblemException e) {
                return list(status(e), request, caller, areaId, null, fieldErrors(e, field -> "add-" + field), form,
                        new MergeForm(List.of(), ""));
            }
            return Pages.seeOther(path(areaId) + "?done=added");
        });
    }

    @Post("/merge-themes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> merge(HttpRequest<?> request, @PathVariable String areaId, @Nullable @Body String body) {
        // Micronaut binds only the first of a repeated form field, and the checkboxes repeat "merge".
        FormFields fields = FormFields.parse(body);
        MergeForm form = new MergeForm(fields.all("merge").stream().distinct().toList(), trim(fields.one("into")));
        return Pages.forPost(sessions, request, fields.one("csrf"), REFUSED, caller -> {
            access.require(caller, areaId, Role.FORUM_LEAD);
            List<Pages.FieldError> errors = new ArrayList<>();
            if (form.from().isEmpty()) {
                errors.add(new Pages.FieldError("merge-from", "Select the themes to merge"));
            }
            if (form.into().isEmpty()) {
                errors.add(new Pages.FieldError("merge-into", "Choose the theme to merge them into"));
            } else if (form.from().contains(form.into())) {
                errors.add(new Pages.FieldError("merge-into", "Choose a theme to merge into that is not one of those being merged"));
            }
            if (!errors.isEmpty()) {
                return list(HttpStatus.BAD_REQUEST, request, caller, areaId, null, errors, new AddForm("", "", ""), form);
            }
            try {
                merges.mergeAll(caller, areaId, form.from(), form.into());
            } catch (ProblemException e) {
                return list(status(e), request, caller, areaId, null, fieldErrors(e, field -> "merge-into"),
                        new AddForm("", "", ""), form);
            }
            return Pages.seeOther(path(areaId) + "?done=merged");
        });
    }

    @Get("/change-history")
    MutableHttpResponse<?> history(HttpRequest<?> request, @PathVariable String areaId) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> {
            access.require(caller, areaId, Role.FORUM_LEAD);
            Map<String, String> names = names(taxonomy.taxonomy(caller, areaId).themes());
            List<Change> changes = taxonomy.history(caller, areaId).items().stream()
                    .map(v -> change(v, names, caller.uid())).toList();
            return Pages.areaPage(HttpStatus.OK, "console/theme-history", request, access, caller, areaId,
                    Map.of("changes", changes, "themesPath", path(areaId)));
        });
    }

    @Get("/{themeId}")
    MutableHttpResponse<?> theme(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String themeId) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> one(HttpStatus.OK, request, caller, areaId, themeId,
                List.of(), null, null));
    }

    @Post("/{themeId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> describe(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String themeId,
                                    @Nullable String csrf, @Nullable String name, @Nullable String description) {
        DescribeForm form = new DescribeForm(trim(name), trim(description));
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            access.require(caller, areaId, Role.FORUM_LEAD);
            if (form.name().isEmpty()) {
                return one(HttpStatus.BAD_REQUEST, request, caller, areaId, themeId,
                        List.of(new Pages.FieldError("describe-name", "Enter a name for the theme")), form, null);
            }
            try {
                // A description left empty is kept as it was: the API can change a description, not remove it.
                taxonomy.describe(caller, areaId, themeId, new TaxonomyService.ThemeText(form.name(),
                        form.description().isEmpty() ? null : form.description()));
            } catch (ProblemException e) {
                return one(status(e), request, caller, areaId, themeId, fieldErrors(e, field -> "describe-" + field), form, null);
            }
            return Pages.seeOther(path(areaId) + "?done=described");
        });
    }

    @Post("/{themeId}/split")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> split(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String themeId,
                                 @Nullable String csrf,
                                 @Nullable String part1Id, @Nullable String part1Name, @Nullable String part1Description,
                                 @Nullable String part2Id, @Nullable String part2Name, @Nullable String part2Description,
                                 @Nullable String part3Id, @Nullable String part3Name, @Nullable String part3Description) {
        List<Part> parts = List.of(new Part(1, trim(part1Id), trim(part1Name), trim(part1Description)),
                new Part(2, trim(part2Id), trim(part2Name), trim(part2Description)),
                new Part(3, trim(part3Id), trim(part3Name), trim(part3Description)));
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            access.require(caller, areaId, Role.FORUM_LEAD);
            List<Part> used = parts.stream().filter(p -> p.number() <= 2 || !p.blank()).toList();
            List<Pages.FieldError> errors = new ArrayList<>();
            for (Part part : used) {
                if (part.id().isEmpty()) {
                    errors.add(new Pages.FieldError("split-" + part.number() + "-id", "Enter an id for new theme " + part.number()));
                }
                if (part.name().isEmpty()) {
                    errors.add(new Pages.FieldError("split-" + part.number() + "-name", "Enter a name for new theme " + part.number()));
                }
            }
            if (!errors.isEmpty()) {
                return one(HttpStatus.BAD_REQUEST, request, caller, areaId, themeId, errors, null, parts);
            }
            try {
                taxonomy.split(caller, areaId, themeId, new TaxonomyService.Split(used.stream().map(p -> new TaxonomyService.NewTheme(
                        p.id(), p.name(), p.description().isEmpty() ? null : p.description())).toList()));
            } catch (ProblemException e) {
                return one(status(e), request, caller, areaId, themeId, fieldErrors(e, field -> splitField(field, e, used)), null, parts);
            }
            return Pages.seeOther(path(areaId) + "?done=split");
        });
    }

    @Post("/{themeId}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> retire(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String themeId,
                                  @Nullable String csrf) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            access.require(caller, areaId, Role.FORUM_LEAD);
            try {
                taxonomy.retire(caller, areaId, themeId);
            } catch (ProblemException e) {
                return one(status(e), request, caller, areaId, themeId, fieldErrors(e, field -> "retire"), null, null);
            }
            return Pages.seeOther(path(areaId) + "?done=retired");
        });
    }

    private MutableHttpResponse<?> list(HttpStatus status, HttpRequest<?> request, Caller caller, String areaId,
                                        @Nullable String done, List<Pages.FieldError> errors, AddForm add, MergeForm merge) {
        access.require(caller, areaId, Role.FORUM_LEAD);
        List<AreaTheme> themes = taxonomy.taxonomy(caller, areaId).themes();
        Map<String, Long> waiting = reviews.counts(caller, areaId).getOrDefault("theme", Map.of());
        Map<String, String> names = names(themes);
        List<Row> active = themes.stream().filter(AreaTheme::isActive)
                .map(t -> new Row(t.themeId(), t.name(), t.description() == null ? "" : t.description(),
                        waiting.getOrDefault(t.themeId(), 0L), path(areaId) + "/" + t.themeId())).toList();
        List<Closed> closed = themes.stream().filter(t -> !t.isActive()).map(t -> new Closed(t.themeId(), t.name(),
                t.mergedInto() != null ? "Merged into " + names.getOrDefault(t.mergedInto(), t.mergedInto()) : "Retired")).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("title", (errors.isEmpty() ? "" : "Error: ") + "Themes");
        model.put("done", done);
        model.put("errors", errors);
        model.put("fieldErrors", byField(errors));
        model.put("active", active);
        model.put("closed", closed);
        model.put("add", add);
        model.put("mergeForm", merge);
        model.put("themesPath", path(areaId));
        return Pages.areaPage(status, "console/themes", request, access, caller, areaId, model);
    }

    private MutableHttpResponse<?> one(HttpStatus status, HttpRequest<?> request, Caller caller, String areaId, String themeId,
                                       List<Pages.FieldError> errors, @Nullable DescribeForm describe, @Nullable List<Part> parts) {
        access.require(caller, areaId, Role.FORUM_LEAD);
        List<AreaTheme> themes = taxonomy.taxonomy(caller, areaId).themes();
        AreaTheme theme = themes.stream().filter(t -> t.themeId().equals(themeId) && t.isActive()).findFirst()
                .orElseThrow(() -> new ProblemException(ModerationProblem.THEME_NOT_FOUND,
                        "The area has no active theme with that id. It may have been merged, split or retired."));
        long waiting = reviews.counts(caller, areaId).getOrDefault("theme", Map.of()).getOrDefault(themeId, 0L);
        Map<String, Object> model = new HashMap<>();
        model.put("title", (errors.isEmpty() ? "" : "Error: ") + "Theme: " + theme.name());
        model.put("errors", errors);
        model.put("fieldErrors", byField(errors));
        model.put("theme", new Row(theme.themeId(), theme.name(), theme.description() == null ? "" : theme.description(),
                waiting, path(areaId) + "/" + theme.themeId()));
        model.put("describe", describe != null ? describe
                : new DescribeForm(theme.name(), theme.description() == null ? "" : theme.description()));
        model.put("parts", parts != null ? parts : List.of(new Part(1, "", "", ""), new Part(2, "", "", ""), new Part(3, "", "", "")));
        model.put("themesPath", path(areaId));
        return Pages.areaPage(status, "console/theme", request, access, caller, areaId, model);
    }

    /**
     * The service's refusal of a change, on the field it concerns: its field errors where it names
     * them, else its message on {@code fallback}'s field. Refusals that are not about the form (wrong
     * role, another area) are not caught here and become the refusal page.
     */
    private static List<Pages.FieldError> fieldErrors(ProblemException e, Function<String, String> fieldOf) {
        if (e.problem() != ModerationProblem.THEME_INVALID && e.problem() != ModerationProblem.THEME_EXISTS
                && e.problem() != ModerationProblem.THEME_NOT_FOUND) {
            throw e;
        }
        if (e.errors().isEmpty()) {
            return List.of(new Pages.FieldError(fieldOf.apply("id"), e.getMessage()));
        }
        return e.errors().keySet().stream().sorted()
                .map(field -> new Pages.FieldError(fieldOf.apply(field), message(field, e.errors().get(field)))).toList();
    }

    private static String message(String field, String what) {
        return switch (field) {
            case "id" -> "Enter an id of lower case letters, digits and underscores that starts with a letter, like short_breaks (at most 64 characters)";
            case "name" -> "Enter a name of 1 to 200 characters";
            case "description" -> "Enter a description of 1 to 2000 characters";
            case "into" -> "Choose another active theme";
            default -> what;
        };
    }

    /** A split's refusal names no part: a clash names its id, otherwise the first new theme is marked. */
    private static String splitField(String field, ProblemException e, List<Part> used) {
        if ("into".equals(field)) {
            return "split-2-id";
        }
        return used.stream().filter(p -> !p.id().isEmpty() && e.getMessage().contains("'" + p.id() + "'")).findFirst()
                .map(p -> "split-" + p.number() + "-id")
                .orElse("split-1-" + (List.of("id", "name", "description").contains(field) ? field : "id"));
    }

    private static HttpStatus status(ProblemException e) {
        return e.problem().status();
    }

    private static Map<String, String> byField(List<Pages.FieldError> errors) {
        return errors.stream().collect(Collectors.toMap(Pages.FieldError::field, Pages.FieldError::message, (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, String> names(List<AreaTheme> themes) {
        return themes.stream().collect(Collectors.toMap(AreaTheme::themeId, AreaTheme::name, (a, b) -> a));
    }

    private static Change change(TaxonomyVersion v, Map<String, String> names, String me) {
        Map<String, Object> c = v.change();
        Function<Object, String> name = id -> id == null ? "" : names.getOrDefault(String.valueOf(id), String.valueOf(id));
        String what = switch (String.valueOf(c.get("action"))) {
            case "start" -> "Started from the shipped SEND taxonomy";
            case "add" -> "Added \u201c" + name.apply(c.get("theme")) + "\u201d";
            case "describe" -> Objects.equals(c.get("nameBefore"), c.get("nameAfter"))
                    ? "Described \u201c" + c.get("nameAfter") + "\u201d"
                    : "Renamed \u201c" + c.get("nameBefore") + "\u201d to \u201c" + c.get("nameAfter") + "\u201d";
            case "retire" -> "Retired \u201c" + name.apply(c.get("theme")) + "\u201d";
            case "merge" -> "Merged \u201c" + name.apply(c.get("theme")) + "\u201d into \u201c" + name.apply(c.get("into"))
                    + "\u201d (" + c.get("items") + " texts filed under it)";
            case "split" -> "Split \u201c" + name.apply(c.get("theme")) + "\u201d into "
                    + (c.get("into") instanceof List<?> into ? into.stream().map(i -> "\u201c" + name.apply(i) + "\u201d")
                    .collect(Collectors.joining(" and ")) : "new themes")
                    + " (" + c.get("requeued") + " texts queued for tagging again)";
            default -> String.valueOf(c.get("action"));
        };
        String who = "yousaid".equals(v.changedBy()) ? "YouSaid" : me.equals(v.changedBy()) ? "You" : "Another forum lead";
        return new Change(v.version(), ReviewQueuePages.WHEN.format(v.changedAt()), who, what);
    }

    private static String path(String areaId) {
        return "/console/areas/" + areaId + "/themes";
    }

    private static String trim(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
