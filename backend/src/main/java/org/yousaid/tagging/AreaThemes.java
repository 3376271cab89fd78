package org.yousaid.tagging;

import java.util.List;

/**
 * Themes an area's forum leads added that the trained models do not know yet. Tagging gives them by
 * how close a text's sentence embedding is to the theme's name and description, from the moment they
 * are added, before any training example exists. Implemented by the feature that owns the area's
 * taxonomy.
 */
public interface AreaThemes {

    /** A theme to give by similarity. */
    record AddedTheme(String id, String name, String description) {
        String sentence() {
            return description == null || description.isBlank() ? name : name + ". " + description;
        }
    }

    List<AddedTheme> added(String areaId);
}
