package org.yousaid.tagging.engine;

import java.util.List;

/**
 * Everything the tagging step says about one text; {@code embedding} is its unit-length
 * all-MiniLM-L6-v2 embedding (to compare texts with each other and with themes).
 */
public record TagResult(String modelVersion, List<ThemeScore> themes, SentimentScore sentiment,
                        List<RedactionSpan> redactions, SafeguardingCheck.Result safeguarding, float[] embedding) {

    public List<ThemeScore> givenThemes() {
        return themes.stream().filter(ThemeScore::given).toList();
    }

    /** Themes the model is unsure of, most likely first: offered to a person, never given. */
    public List<ThemeScore> suggestedThemes() {
        return themes.stream().filter(ThemeScore::suggested)
                .sorted(java.util.Comparator.comparingDouble(ThemeScore::probability).reversed()).toList();
    }
}
