package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yousaid.moderation.Redactions;
import org.yousaid.moderation.ReviewItem;
import org.yousaid.moderation.ReviewRequests;
import org.yousaid.shared.TextSpans;

/**
 * What a forum lead chose on the item page, as the form sent it: the proposals to keep in, their
 * own words to take out (each with what kind of detail it is), the themes and the safeguarding
 * confirmation. Turning typed words into the API's spans is the console's part; what a span does is
 * {@link Redactions}'s.
 */
record ReviewChoices(List<String> keep, List<Extra> extras, List<String> themes, boolean safeguardingReviewed) {

    /** Words the forum lead typed to take out, with the kind of detail they are (as the API's spans name it). */
    record Extra(String words, String kind) {
    }

    /** The spans the typed words make, or what is wrong with each typed line (by its 1-based row). */
    record Found(List<ReviewRequests.Span> spans, List<Pages.FieldError> errors) {
    }

    /** The page as first shown: every proposal taken out (the API's safe default), the themes as they are. */
    static ReviewChoices initial(ReviewItem item) {
        return new ReviewChoices(List.of(), List.of(), item.themes(), false);
    }

    static ReviewChoices sent(@Nullable List<String> keep, @Nullable List<String> extra, @Nullable List<String> extraKind,
                              @Nullable List<String> theme, @Nullable String addTheme, @Nullable String safeguardingReviewed) {
        List<Extra> extras = new ArrayList<>();
        List<String> words = extra == null ? List.of() : extra;
        List<String> kinds = extraKind == null ? List.of() : extraKind;
        for (int i = 0; i < words.size(); i++) {
            String typed = words.get(i) == null ? "" : words.get(i).strip();
            String kind = i < kinds.size() && kinds.get(i) != null ? kinds.get(i) : "";
            if (!typed.isEmpty()) {
                extras.add(new Extra(typed, kind));
            }
        }
        Set<String> themes = new LinkedHashSet<>(theme == null ? List.of() : theme);
        if (addTheme != null && !addTheme.isBlank()) {
            themes.add(addTheme);
        }
        themes.remove(null);
        themes.remove("");
        return new ReviewChoices(keep == null ? List.of() : List.copyOf(new LinkedHashSet<>(keep)), extras,
                List.copyOf(themes), "yes".equals(safeguardingReviewed));
    }

    /**
     * Finds each typed line in the family's words (every place it occurs, ignoring case, as code
     * points widened to whole graphemes); a line that is not there, or has no kind, is an error on
     * its row, never a guess.
     */
    Found spansIn(String raw) {
        List<ReviewRequests.Span> spans = new ArrayList<>();
        List<Pages.FieldError> errors = new ArrayList<>();
        Set<TextSpans.Span> seen = new LinkedHashSet<>();
        for (int row = 0; row < extras.size(); row++) {
            Extra extra = extras.get(row);
            String field = "extra-" + (row + 1);
            if (!Redactions.KINDS.contains(extra.kind())) {
                errors.add(new Pages.FieldError("extraKind-" + (row + 1),
                        "Choose what kind of detail \u201c" + extra.words() + "\u201d is"));
                continue;
            }
            List<Integer> at = occurrences(raw, extra.words());
            if (at.isEmpty()) {
                errors.add(new Pages.FieldError(field, "\u201c" + extra.words()
                        + "\u201d is not in their words: copy the words exactly as they are written"));
                continue;
            }
            for (int begin : at) {
                TextSpans.Span span = TextSpans.fromChars(raw, begin, begin + extra.words().length());
                if (seen.add(span)) {
                    spans.add(new ReviewRequests.Span(span.begin(), span.end(), extra.kind()));
                }
            }
        }
        return new Found(spans, errors);
    }

    private static List<Integer> occurrences(String raw, String words) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i + words.length() <= raw.length(); i++) {
            if (raw.regionMatches(true, i, words, 0, words.length())) {
                at.add(i);
                i += words.length() - 1;
            }
        }
        return at;
    }

    /** Whether the themes chosen differ from the item's (then they are corrected before publishing). */
    boolean changesThemesOf(ReviewItem item) {
        return !Set.copyOf(themes).equals(Set.copyOf(item.themes()));
    }

    static String kindLabel(String kind) {
        return switch (kind) {
            case "person" -> "a person's name";
            case "place" -> "a place";
            case "school" -> "a school or setting";
            case "email" -> "an email address";
            case "phone" -> "a phone number";
            case "nhs_number" -> "an NHS number";
            case "postcode" -> "a postcode";
            case "date_of_birth" -> "a date of birth";
            case "age" -> "an age";
            default -> kind.replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }
}
