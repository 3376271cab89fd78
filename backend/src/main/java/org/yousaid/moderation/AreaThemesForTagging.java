package org.yousaid.moderation;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.yousaid.tagging.AreaThemes;

/**
 * What tagging needs of an area's taxonomy: the themes its forum leads added (or split off), to give
 * by similarity until a model learns them, and their corrections with where each theme id stands
 * now, to retrain the area's model.
 */
@Singleton
final class AreaThemesForTagging implements AreaThemes {

    private final AreaThemeRepository themes;

    AreaThemesForTagging(AreaThemeRepository themes) {
        this.themes = themes;
    }

    @Override
    public List<Correction> corrections(String areaId) {
        return themes.corrections(areaId).stream()
                .map(c -> new Correction(c.contentType(), c.contentId(), List.of(c.correctedThemes()), c.moderatedText()))
                .toList();
    }

    @Override
    public UnaryOperator<String> currentThemes(String areaId) {
        Map<String, AreaTheme> byId = new HashMap<>();
        themes.themes(areaId).forEach(t -> byId.put(t.themeId(), t));
        if (byId.isEmpty()) {
            // Never changed: the area's themes are the shipped taxonomy as it is.
            return UnaryOperator.identity();
        }
        return id -> {
            AreaTheme theme = byId.get(id);
            // A merge chain is short, but a bound keeps a bad row from looping for ever.
            for (int hops = 0; theme != null && theme.mergedInto() != null && hops < byId.size(); hops++) {
                theme = byId.get(theme.mergedInto());
            }
            return theme != null && theme.isActive() ? theme.themeId() : null;
        };
    }

    @Override
    public List<AddedTheme> added(String areaId) {
        return themes.themes(areaId).stream()
                .filter(t -> t.isActive() && !"shipped".equals(t.origin()))
                .map(t -> new AddedTheme(t.themeId(), t.name(), t.description()))
                .toList();
    }
}
