package org.yousaid.tagging.engine;

import java.util.List;

/** Everything the tagging step says about one text. */
public record TagResult(String modelVersion, List<ThemeScore> themes, SentimentScore sentiment,
                        List<RedactionSpan> redactions, SafeguardingCheck.Result safeguarding) {

    public List<ThemeScore> givenThemes() {
        return themes.stream().filter(ThemeScore::given).toList();
    }
}
