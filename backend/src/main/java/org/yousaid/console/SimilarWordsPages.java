package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.area.AreaAccess;
import org.yousaid.content.ContentType;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
import org.yousaid.identity.StaffSessions;
import org.yousaid.moderation.AreaTheme;
import org.yousaid.moderation.ReviewItem;
import org.yousaid.moderation.ReviewService;
import org.yousaid.moderation.SimilarTexts;
import org.yousaid.moderation.TaxonomyService;

/**
 * "Forty families said the same thing": within a theme the forum lead chooses, the groups of texts
 * that say the same thing, as the API's {@code GET …/moderation/groups} gives them, each with every
 * text's raw words (forum leads read those at review anyway), how many people stand behind it and
 * its "me too" count. These are the forum lead's working figures, not published ones: the service
 * gives them exact, so they are shown exact.
 */
@Controller("/console/areas/{areaId}/groups")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class SimilarWordsPages {

    static final String REFUSED = "You cannot see this area's similar words";

    record ThemeChoice(String id, String name, boolean selected) {
    }

    record Text(String words, String source, String status, int meToo) {
    }

    record Group(int number, int texts, int people, int meToo, String representative, List<Text> members) {
    }

    private final StaffSessions sessions;
    private final SimilarTexts similar;
    private final TaxonomyService taxonomy;
    private final ReviewService reviews;
    private final AreaAccess access;

    SimilarWordsPages(StaffSessions sessions, SimilarTexts similar, TaxonomyService taxonomy, ReviewService reviews, AreaAccess access) {
        this.sessions = sessions;
        this.similar = similar;
        this.taxonomy = taxonomy;
        this.reviews = reviews;
        this.access = access;
    }

    @Get
    MutableHttpResponse<?> groups(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String theme) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> {
            access.require(caller, areaId, Role.FORUM_LEAD);
            List<AreaTheme> active = taxonomy.taxonomy(caller, areaId).themes().stream().filter(AreaTheme::isActive).toList();
            String chosen = theme == null || theme.isBlank() ? null : theme;
            AreaTheme picked = chosen == null ? null : active.stream().filter(t -> t.themeId().equals(chosen)).findFirst().orElse(null);
            Map<String, Object> model = new HashMap<>();
            model.put("choices", active.stream().map(t -> new ThemeChoice(t.themeId(), t.name(), t.themeId().equals(chosen))).toList());
            model.put("themeName", picked == null ? null : picked.name());
            model.put("title", "Similar words");
            if (chosen != null && picked == null) {
                model.put("title", "Error: Similar words");
                model.put("errors", List.of(new Pages.FieldError("theme", "Choose one of the area's themes")));
                return Pages.areaPage(HttpStatus.BAD_REQUEST, "console/groups", request, access, caller, areaId, model);
            }
            if (picked != null) {
                SimilarTexts.Groups groups = similar.groups(caller, areaId, picked.themeId());
                model.put("textCount", groups.texts());
                model.put("groups", groups(caller, areaId, groups));
            }
            return Pages.areaPage(HttpStatus.OK, "console/groups", request, access, caller, areaId, model);
        });
    }

    private List<Group> groups(Caller caller, String areaId, SimilarTexts.Groups groups) {
        List<Group> shown = new ArrayList<>();
        int number = 0;
        for (SimilarTexts.Group g : groups.items()) {
            List<Text> members = g.members().stream().map(m -> text(caller, areaId, m)).toList();
            shown.add(new Group(++number, g.size(), g.families(), g.meToo(), words(g.representative()), members));
        }
        return shown;
    }

    private Text text(Caller caller, String areaId, SimilarTexts.Member member) {
        ReviewItem item = reviews.item(caller, areaId, member.contentType(), member.id());
        return new Text(words(item), item.contentType() == ContentType.COMMENT ? "Wall comment" : "Survey answer",
                "published".equals(item.status()) ? "Published" : "Waiting for review", member.meToo());
    }

    private static String words(ReviewItem item) {
        return item.body() == null ? ReviewItemView.wordsGone(item.status()) : item.body();
    }
}
