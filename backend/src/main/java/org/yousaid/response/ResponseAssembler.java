package org.yousaid.response;

import org.yousaid.content.ContentSources;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.yousaid.content.ContentRef;
import org.yousaid.content.ContentType;
import org.yousaid.moderation.PublishedWords;
import org.yousaid.moderation.ThemeNames;
import org.yousaid.outcome.OutcomeFramework;
import org.yousaid.response.ResponseViews.ActionSummary;
import org.yousaid.response.ResponseViews.ActionView;
import org.yousaid.response.ResponseViews.CitedGroup;
import org.yousaid.response.ResponseViews.CitedText;
import org.yousaid.response.ResponseViews.FamilyCount;
import org.yousaid.response.ResponseViews.LinkedIndicator;
import org.yousaid.response.ResponseViews.LinkedOutcome;
import org.yousaid.response.ResponseViews.MilestoneView;
import org.yousaid.response.ResponseViews.PeriodPoint;
import org.yousaid.response.ResponseViews.ResponseSummary;
import org.yousaid.response.ResponseViews.ResponseView;
import org.yousaid.response.ResponseViews.SignOffView;
import org.yousaid.response.ResponseViews.ThemeName;
import org.yousaid.response.ResponseViews.YouSaid;

/**
 * Turns stored responses into what callers see. Cited words are shown as published now: a text its
 * author withdrew since, or a forum lead took down, drops out of the response.
 */
@Singleton
class ResponseAssembler {

    private final ResponseRepository responses;
    private final ActionRepository actions;
    private final PublishedWords words;
    private final ContentSources contents;
    private final ThemeNames themeNames;
    private final OutcomeFramework framework;

    ResponseAssembler(ResponseRepository responses, ActionRepository actions, PublishedWords words,
                      ContentSources contents, ThemeNames themeNames, OutcomeFramework framework) {
        this.responses = responses;
        this.actions = actions;
        this.words = words;
        this.contents = contents;
        this.themeNames = themeNames;
        this.framework = framework;
    }

    /** {@code staff}: commissioners, forum leads and area admins also see the sign-off and the reach. */
    ResponseView view(ResponseRow r, boolean staff) {
        String areaId = r.areaId();
        List<ActionView> actionViews = actionViews(areaId, List.of(r.id())).getOrDefault(r.id(), List.of());
        Map<UUID, OutcomeFramework.OutcomeRef> outcomes = framework.outcomes(areaId);
        // Only the indicators this response aims at: a computed one is worked out from the answers on reading.
        Map<UUID, OutcomeFramework.IndicatorRef> indicators = framework.indicators(areaId, r.aims().indicators());
        List<SignOffView> signOffs = staff ? responses.signOffs(areaId, r.id()).stream()
                .map(s -> new SignOffView(s.decision(), s.comment(), s.byUid(), s.at())).toList() : List.of();
        return new ResponseView(r.id(), areaId, r.status(), r.version(), r.revision(), r.title(), themes(areaId, r),
                r.periodFrom(), r.periodTo(), youSaid(r), r.weDid(), r.easyRead(), actionViews,
                r.aims().outcomes().stream().map(outcomes::get).filter(Objects::nonNull)
                        .map(o -> new LinkedOutcome(o.id(), o.title())).toList(),
                r.aims().indicators().stream().map(indicators::get).filter(Objects::nonNull).map(ResponseAssembler::linked).toList(),
                signOffs, staff && r.reached() != null ? FamilyCount.reached(r.reached(), r.families()) : null,
                r.createdAt(), r.publishedAt(), r.updatedAt() != null, r.updatedAt());
    }

    List<ResponseSummary> summaries(String areaId, List<ResponseRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, ThemeNames.Named> names = themeNames.of(areaId);
        Map<UUID, List<ActionSummary>> byResponse = actions.of(areaId, rows.stream().map(ResponseRow::id).toList()).stream()
                .collect(Collectors.groupingBy(ActionRow::responseId, Collectors.mapping(a -> new ActionSummary(a.id(), a.text(),
                        a.owner(), a.dueOn(), a.status(), a.progress()), Collectors.toList())));
        return rows.stream().map(r -> new ResponseSummary(r.id(), r.status(), r.title(), r.summary(), themes(names, r),
                FamilyCount.toldUs(r.families()), byResponse.getOrDefault(r.id(), List.of()), r.publishedAt(),
                r.updatedAt() != null, r.updatedAt())).toList();
    }

    Map<UUID, List<ActionView>> actionViews(String areaId, List<UUID> responseIds) {
        List<ActionRow> rows = actions.of(areaId, responseIds);
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<MilestoneView>> milestones = actions.milestones(areaId, rows.stream().map(ActionRow::id).toList())
                .stream().collect(Collectors.groupingBy(Milestone::actionId, Collectors.mapping(m ->
                        new MilestoneView(m.at(), m.status(), m.progress(), m.reason(), m.note()), Collectors.toList())));
        return rows.stream().collect(Collectors.groupingBy(ActionRow::responseId, LinkedHashMap::new,
                Collectors.mapping(a -> action(a, milestones.getOrDefault(a.id(), List.of())), Collectors.toList())));
    }

    static ActionView action(ActionRow a, List<MilestoneView> milestones) {
        return new ActionView(a.id(), a.text(), a.owner(), a.startsOn(), a.dueOn(), a.status(), a.progress(), a.reason(),
                a.updatedAt(), milestones);
    }

    private YouSaid youSaid(ResponseRow r) {
        String areaId = r.areaId();
        List<Citation> citations = responses.citations(areaId, r.id());
        Map<String, PublishedWords.Published> published = new HashMap<>();
        words.published(areaId, citations.stream().map(c -> new ContentRef(areaId,
                        c.contentType(), c.contentId())).toList())
                .forEach(p -> published.put(p.contentType().value() + p.contentId(), p));
        Map<UUID, Integer> meToos = meToos(areaId, citations);
        List<CitedText> comments = new ArrayList<>();
        List<CitedText> answers = new ArrayList<>();
        Map<Integer, List<CitedText>> groups = new LinkedHashMap<>();
        for (Citation c : citations) {
            PublishedWords.Published p = published.get(c.contentType().value() + c.contentId());
            if (p == null && c.groupNo() != null) {
                // A group is shown by a text that still stands; the group's count says how many it was.
                continue;
            }
            CitedText text = p == null ? CitedText.withdrawn(c.contentType(), c.contentId())
                    : new CitedText(c.contentType(), c.contentId(), p.text(), meToos.getOrDefault(c.contentId(), 0), false);
            if (c.groupNo() != null) {
                groups.computeIfAbsent(c.groupNo(), n -> new ArrayList<>()).add(text);
            } else if (c.contentType() == ContentType.COMMENT) {
                comments.add(text);
            } else {
                answers.add(text);
            }
        }
        // The group's face is the text most families stood behind.
        List<CitedGroup> cited = groups.values().stream().map(members -> new CitedGroup(members.size(),
                members.stream().max(Comparator.comparingInt(CitedText::meToo)).orElseThrow())).toList();
        return new YouSaid(r.summary(), FamilyCount.toldUs(r.families()), comments, cited, answers);
    }

    private Map<UUID, Integer> meToos(String areaId, List<Citation> citations) {
        List<UUID> commentIds = citations.stream().filter(c -> c.contentType() == ContentType.COMMENT)
                .map(Citation::contentId).toList();
        return contents.of(ContentType.COMMENT).meToos(areaId, commentIds);
    }

    private List<ThemeName> themes(String areaId, ResponseRow r) {
        return themes(themeNames.of(areaId), r);
    }

    private static List<ThemeName> themes(Map<String, ThemeNames.Named> names, ResponseRow r) {
        return r.themeList().stream().map(t -> new ThemeName(t, names.containsKey(t) ? names.get(t).name() : t)).toList();
    }

    private static LinkedIndicator linked(OutcomeFramework.IndicatorRef i) {
        return new LinkedIndicator(i.id(), i.outcomeId(), i.title(), i.kind(), i.unit(), point(i.latest()), point(i.target()));
    }

    private static PeriodPoint point(OutcomeFramework.Point p) {
        return p == null ? null : new PeriodPoint(p.period(), p.value());
    }
}
