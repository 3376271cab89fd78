package org.yousaid.tagging.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a safeguarding flag means for the rest of the reading: a text about a child at risk or a
 * carer at breaking point is never read as positive, never filed as a positive experience, and
 * always carries the theme it is about (mental health, or the carer's wellbeing), so forum leads and
 * commissioners find it where they look.
 */
final class RiskReading {

    static final String MENTAL_HEALTH = "mental_health";
    static final String CARER_WELLBEING = "parent_carer_wellbeing";
    static final String POSITIVE = "positive_experience";
    private static final Set<String> ABOUT_RISK = Set.of(MENTAL_HEALTH, CARER_WELLBEING, "social_care_family_support");

    private RiskReading() {
    }

    static TextModel.Scores apply(TextModel.Scores scores, SafeguardingCheck.Result risk) {
        if (!risk.flagged()) {
            return scores;
        }
        boolean carerOnly = risk.reasons().stream().allMatch(r -> r == SafeguardingCheck.Reason.CARER_AT_BREAKING_POINT);
        boolean carried = scores.themes().stream().anyMatch(t -> t.given() && ABOUT_RISK.contains(t.label()));
        String needed = carerOnly ? CARER_WELLBEING : MENTAL_HEALTH;
        List<ThemeScore> themes = new ArrayList<>();
        for (ThemeScore t : scores.themes()) {
            if (t.label().equals(POSITIVE)) {
                themes.add(new ThemeScore(t.label(), t.probability(), false, false));
            } else if (!carried && t.label().equals(needed)) {
                themes.add(new ThemeScore(t.label(), t.probability(), true, false));
            } else {
                themes.add(t);
            }
        }
        SentimentScore sentiment = scores.sentiment();
        if (sentiment != null && sentiment.value() <= 2) {
            // Warm words around a disclosure ("lovely staff, but he hurt her") do not make it good news.
            sentiment = new SentimentScore(4, sentiment.probability());
        }
        return new TextModel.Scores(themes, sentiment);
    }
}
