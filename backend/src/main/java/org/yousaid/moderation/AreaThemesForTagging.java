package org.yousaid.moderation;

import jakarta.inject.Singleton;
import java.util.List;
import org.yousaid.tagging.AreaThemes;

/** The themes an area's forum leads added (or split off), for tagging to give by similarity until a model learns them. */
@Singleton
final class AreaThemesForTagging implements AreaThemes {

    private final AreaThemeRepository themes;

    AreaThemesForTagging(AreaThemeRepository themes) {
        this.themes = themes;
    }

    @Override
    public List<AddedTheme> added(String areaId) {
        return themes.themes(areaId).stream()
                .filter(t -> t.isActive() && !"shipped".equals(t.origin()))
                .map(t -> new AddedTheme(t.themeId(), t.name(), t.description()))
                .toList();
    }
}
