package org.yousaid.tagging;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.yousaid.tagging.engine.Tagger;

/**
 * Gives an area's added themes (which no trained model knows yet) by how close a text's sentence
 * embedding is to the theme's name and description. One rule for tagging and for measuring a
 * retrained model, so both see the themes alike; each theme sentence is embedded once.
 */
final class AddedThemeMatcher {

    /**
     * How close (cosine, all-MiniLM-L6-v2) a text must be to an added theme's name and description
     * to be given it. Probed on an "accessible toilets" theme: texts naming it scored 0.49, a
     * paraphrase with none of its words ("changed on the floor of the disabled loo") 0.31, unrelated
     * SEND texts 0.20 at most. A forum lead reviews every theme given; corrections train it properly.
     */
    static final double SIMILARITY = 0.3;

    private final Function<String, float[]> embed;
    private final Map<String, float[]> themeVectors = new ConcurrentHashMap<>();

    AddedThemeMatcher(Function<String, float[]> embed) {
        this.embed = embed;
    }

    /** The added themes the text is close to, with their similarity, except those the model already knows. */
    Map<AreaThemes.AddedTheme, Double> given(float[] embedding, List<AreaThemes.AddedTheme> added, Set<String> modelThemes) {
        Map<AreaThemes.AddedTheme, Double> given = new java.util.LinkedHashMap<>();
        for (AreaThemes.AddedTheme theme : added) {
            if (modelThemes.contains(theme.id())) {
                // The area's model learned this theme from corrections: its own decision stands.
                continue;
            }
            double similarity = Tagger.similarity(embedding, themeVectors.computeIfAbsent(theme.sentence(), embed));
            if (similarity >= SIMILARITY) {
                given.put(theme, similarity);
            }
        }
        return given;
    }

    /** The ids of {@link #given}. */
    Set<String> ids(float[] embedding, List<AreaThemes.AddedTheme> added, Set<String> modelThemes) {
        Set<String> ids = new LinkedHashSet<>();
        given(embedding, added, modelThemes).keySet().forEach(t -> ids.add(t.id()));
        return ids;
    }
}
