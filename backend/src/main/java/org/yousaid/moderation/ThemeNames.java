package org.yousaid.moderation;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.tagging.ShippedTheme;
import org.yousaid.tagging.TaggingService;

/** The names of an area's themes, for features that show them (an area that never changed its themes has the shipped ones). */
@Singleton
public final class ThemeNames {

    /** A theme's name and whether forum leads still use it (not retired or merged). */
    public record Named(String id, String name, boolean active) {
    }

    private final AreaThemeRepository themes;
    private final TaggingService tagging;

    ThemeNames(AreaThemeRepository themes, TaggingService tagging) {
        this.themes = themes;
        this.tagging = tagging;
    }

    /** Every theme the area has or had, by id, in the taxonomy's order. */
    public Map<String, Named> of(String areaId) {
        Map<String, Named> named = new LinkedHashMap<>();
        List<AreaTheme> own = themes.themes(areaId);
        if (own.isEmpty()) {
            for (ShippedTheme t : tagging.taxonomy()) {
                named.put(t.id(), new Named(t.id(), t.name(), true));
            }
        } else {
            own.forEach(t -> named.put(t.themeId(), new Named(t.themeId(), t.name(), t.isActive())));
        }
        return named;
    }
}
