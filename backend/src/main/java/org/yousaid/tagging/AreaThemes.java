package org.yousaid.tagging;

import java.util.List;
import org.yousaid.content.ContentType;

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

    /**
     * A forum lead's correction of a text's themes: a labelled example for the area's theme model,
     * with the text as approved (redactions applied) once a forum lead approved it.
     */
    record Correction(ContentType contentType, java.util.UUID contentId, List<String> themes,
                      @io.micronaut.core.annotation.Nullable String approvedText) {
    }

    /** The area's corrections, oldest first (the latest per text). */
    List<Correction> corrections(String areaId);

    /**
     * Where any theme id the models or the shipped data use stands in the area now: itself while
     * active, the theme it was merged into, or null once retired or split.
     */
    java.util.function.UnaryOperator<String> currentThemes(String areaId);
}
