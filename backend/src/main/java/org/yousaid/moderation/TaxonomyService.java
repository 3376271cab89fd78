package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.area.AreaAccess;
import org.yousaid.content.ContentType;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.shared.AuditLog;
import org.yousaid.shared.FamilyText;
import org.yousaid.shared.ProblemException;
import org.yousaid.tagging.TaggingService;

/**
 * Forum leads own their area's themes. They start as the shipped SEND taxonomy; every change is the
 * next version of the area's taxonomy, with who, when and what. A merge files every item under the
 * theme it went into (and so do later tags under the old id); a split retires the theme and queues
 * its items for tagging again.
 */
@Singleton
public class TaxonomyService {

    private static final Logger LOG = LoggerFactory.getLogger(TaxonomyService.class);

    @Serdeable
    public record TaxonomyView(int version, List<AreaTheme> themes) {
    }

    @Serdeable
    public record NewTheme(@Nullable String id, @Nullable String name, @Nullable String description) {
    }

    @Serdeable
    public record ThemeText(@Nullable String name, @Nullable String description) {
    }

    @Serdeable
    public record Merge(@Nullable String into) {
    }

    @Serdeable
    public record Split(@Nullable List<NewTheme> into) {
    }

    @Serdeable
    public record History(List<TaxonomyVersion> items) {
    }

    private final AreaAccess access;
    private final AreaThemeRepository themes;
    private final TaggingService tagging;
    private final AuditLog audit;
    private final Clock clock;

    TaxonomyService(AreaAccess access, AreaThemeRepository themes, TaggingService tagging, AuditLog audit, Clock clock) {
        this.access = access;
        this.themes = themes;
        this.tagging = tagging;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TaxonomyView taxonomy(Caller caller, String areaId) {
        access.require(caller, areaId, Role.FORUM_LEAD, Role.COMMISSIONER);
        seeded(areaId);
        return view(areaId);
    }

    @Transactional
    public History history(Caller caller, String areaId) {
        access.require(caller, areaId, Role.FORUM_LEAD, Role.COMMISSIONER);
        seeded(areaId);
        return new History(themes.history(areaId, 200));
    }

    @Transactional
    public TaxonomyView add(Caller caller, String areaId, NewTheme request) {
        CurrentUser lead = lead(caller, areaId);
        NewTheme theme = checked(request);
        if (themes.add(areaId, theme.id(), theme.name(), theme.description(), "added") == 0) {
            throw new ProblemException(ModerationProblem.THEME_EXISTS, "The area already has a theme '" + theme.id() + "'.");
        }
        return changed(lead, Map.of("action", "add", "theme", theme.id()));
    }

    @Transactional
    public TaxonomyView describe(Caller caller, String areaId, String themeId, ThemeText request) {
        CurrentUser lead = lead(caller, areaId);
        AreaTheme theme = active(areaId, themeId);
        String name = request.name() == null ? theme.name() : text(request.name(), 200, "name");
        String description = request.description() == null ? theme.description() : text(request.description(), 2000, "description");
        themes.describe(areaId, themeId, name, description);
        return changed(lead, Map.of("action", "describe", "theme", themeId, "nameBefore", theme.name(), "nameAfter", name));
    }

    @Transactional
    public TaxonomyView retire(Caller caller, String areaId, String themeId) {
        CurrentUser lead = lead(caller, areaId);
        active(areaId, themeId);
        themes.close(areaId, themeId, "retired", null);
        return changed(lead, Map.of("action", "retire", "theme", themeId));
    }

    @Transactional
    public TaxonomyView merge(Caller caller, String areaId, String themeId, Merge request) {
        CurrentUser lead = lead(caller, areaId);
        active(areaId, themeId);
        String into = request.into();
        if (into == null || into.equals(themeId)) {
            throw invalid("into", "the id of another active theme to merge into");
        }
        active(areaId, into);
        themes.close(areaId, themeId, "merged", into);
        int items = themes.repointItems(areaId, themeId, into);
        int corrections = themes.repointCorrections(areaId, themeId, into);
        return changed(lead, Map.of("action", "merge", "theme", themeId, "into", into, "items", items,
                "corrections", corrections));
    }

    @Transactional
    public TaxonomyView split(Caller caller, String areaId, String themeId, Split request) {
        CurrentUser lead = lead(caller, areaId);
        active(areaId, themeId);
        List<NewTheme> parts = request.into() == null ? List.of() : request.into().stream().map(this::checked).toList();
        if (parts.size() < 2 || parts.stream().map(NewTheme::id).distinct().count() != parts.size()) {
            throw invalid("into", "two or more new themes with different ids");
        }
        for (NewTheme part : parts) {
            if (themes.add(areaId, part.id(), part.name(), part.description(), "split") == 0) {
                throw new ProblemException(ModerationProblem.THEME_EXISTS, "The area already has a theme '" + part.id() + "'.");
            }
        }
        themes.close(areaId, themeId, "retired", null);
        List<String> requeued = themes.itemsWithTheme(areaId, themeId);
        for (String ref : requeued) {
            String[] parts2 = ref.split(":", 2);
            tagging.retagOne(areaId, ContentType.fromValue(parts2[0]).orElseThrow(), UUID.fromString(parts2[1]));
        }
        return changed(lead, Map.of("action", "split", "theme", themeId,
                "into", parts.stream().map(NewTheme::id).toList(), "requeued", requeued.size()));
    }

    /** The area's active theme ids (what a correction may choose from). */
    Set<String> activeThemes(String areaId) {
        seeded(areaId);
        return themes.themes(areaId).stream().filter(AreaTheme::isActive).map(AreaTheme::themeId).collect(Collectors.toSet());
    }

    /** Where each merged theme went, for filing tags the model still gives under an old id. */
    Map<String, String> merges(String areaId) {
        Map<String, String> merged = new LinkedHashMap<>();
        themes.themes(areaId).stream().filter(t -> t.mergedInto() != null).forEach(t -> merged.put(t.themeId(), t.mergedInto()));
        return merged;
    }

    /** An area's themes begin as the shipped taxonomy, on first use. */
    private void seeded(String areaId) {
        if (themes.latestVersion(areaId) > 0) {
            return;
        }
        themes.lock(areaId);
        if (themes.latestVersion(areaId) > 0) {
            return;
        }
        tagging.taxonomy().forEach(t -> themes.add(areaId, t.id(), t.name(), t.description(), "shipped"));
        themes.recordVersion(areaId, 1, clock.instant().truncatedTo(ChronoUnit.MICROS), "yousaid",
                Map.of("action", "start", "from", "shipped SEND taxonomy"));
    }

    private CurrentUser lead(Caller caller, String areaId) {
        CurrentUser lead = access.require(caller, areaId, Role.FORUM_LEAD);
        seeded(areaId);
        themes.lock(areaId);
        return lead;
    }

    private AreaTheme active(String areaId, String themeId) {
        return themes.findForUpdate(areaId, themeId).filter(AreaTheme::isActive).orElseThrow(() -> new ProblemException(
                ModerationProblem.THEME_NOT_FOUND, "The area has no active theme '" + themeId + "'."));
    }

    private TaxonomyView changed(CurrentUser lead, Map<String, Object> change) {
        int version = themes.latestVersion(lead.areaId()) + 1;
        themes.recordVersion(lead.areaId(), version, clock.instant().truncatedTo(ChronoUnit.MICROS), lead.uid(), change);
        Map<String, String> detail = new LinkedHashMap<>();
        change.forEach((k, v) -> detail.put(k, String.valueOf(v)));
        detail.put("version", Integer.toString(version));
        audit.record(lead.areaId(), lead.uid(), "taxonomy." + change.get("action"), null, null, detail);
        LOG.info("taxonomy.{} area={} version={}", change.get("action"), lead.areaId(), version);
        return view(lead.areaId());
    }

    private TaxonomyView view(String areaId) {
        return new TaxonomyView(themes.latestVersion(areaId), themes.themes(areaId));
    }

    private NewTheme checked(@Nullable NewTheme theme) {
        if (theme == null || theme.id() == null || !theme.id().matches("[a-z][a-z0-9_]{0,63}")) {
            throw invalid("id", "lower_snake_case, starting with a letter, at most 64 characters");
        }
        return new NewTheme(theme.id(), text(theme.name(), 200, "name"),
                theme.description() == null ? null : text(theme.description(), 2000, "description"));
    }

    private static String text(@Nullable String text, int max, String field) {
        return FamilyText.accepted(text, max).orElseThrow(() -> invalid(field, "1 to " + max + " characters"));
    }

    private static ProblemException invalid(String field, String what) {
        return new ProblemException(ModerationProblem.THEME_INVALID, "The theme change is not valid; see errors.",
                Map.of(field, what));
    }
}
