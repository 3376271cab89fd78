package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yousaid.content.ContentType;
import org.yousaid.moderation.AreaTheme;
import org.yousaid.moderation.Redactions;
import org.yousaid.moderation.ReviewItem;
import org.yousaid.moderation.ReviewService;
import org.yousaid.shared.ProblemException;
import org.yousaid.shared.TextSpans;
import org.yousaid.tagging.Tags;

/**
 * The item page's model: the family's words cut into plain and proposed pieces (so each proposal is
 * marked where it is), the choices as they stand, and what would be published with them, computed
 * by the API's own {@link Redactions}.
 */
final class ReviewItemView {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK).withZone(ZoneId.of("Europe/London"));

    /** A run of the words: plain, or a proposal (numbered, with what kind of detail it is). */
    record Piece(String text, @Nullable Integer number, @Nullable String kind) {
    }

    record Proposal(int number, String id, String words, String kind, boolean keep) {
    }

    record ExtraRow(int number, String words, String kind, @Nullable String wordsError, @Nullable String kindError) {
    }

    record ThemeChoice(String id, String label, String hint, boolean checked) {
    }

    record Option(String value, String label) {
    }

    record Reason(String reason, String evidence) {
    }

    private ReviewItemView() {
    }

    static Map<String, Object> model(ReviewItem item, String uid, ReviewChoices choices, List<AreaTheme> areaThemes,
                                     List<Pages.FieldError> errors, Instant now) {
        Map<String, Object> model = new HashMap<>();
        boolean comment = item.contentType() == ContentType.COMMENT;
        model.put("title", (errors.isEmpty() ? "" : "Error: ") + (comment ? "Review a wall comment" : "Review a survey answer"));
        model.put("heading", comment ? "Review a wall comment" : "Review a survey answer");
        model.put("item", item);
        model.put("submitted", ReviewQueuePages.WHEN.format(item.submittedAt()));
        model.put("status", status(item.status()));
        boolean waiting = "pending_review".equals(item.status()) && item.body() != null;
        // A survey answer whose family did not agree to be quoted is read here (safeguarding, themes) but never published.
        model.put("pending", waiting);
        model.put("publishable", waiting && item.quotable());
        model.put("notForQuoting", waiting && !item.quotable());
        model.put("errors", errors);
        Map<String, String> fieldErrors = new HashMap<>();
        errors.forEach(e -> fieldErrors.putIfAbsent(e.field(), e.message()));
        model.put("fieldErrors", fieldErrors);
        Tags tags = item.analysis() == null ? null : item.analysis().tags();
        List<Tags.Redaction> proposed = tags == null ? List.of() : tags.redactions();
        String body = item.body() == null ? "" : item.body();
        List<Proposal> proposals = proposals(body, proposed, choices);
        model.put("proposals", proposals);
        model.put("pieces", pieces(body, proposed));
        model.put("extras", extraRows(choices, errors));
        model.put("kinds", Redactions.KINDS.stream().sorted()
                .map(k -> new Option(k, ReviewChoices.kindLabel(k))).toList());
        themes(model, item, tags, choices, areaThemes);
        model.put("sentiment", tags == null || tags.sentiment() == null ? "Not known yet" : sentiment(tags.sentiment()));
        model.put("reasons", tags == null ? List.of() : tags.safeguarding().reasons().stream()
                .map(r -> new Reason(r.reason().replace('_', ' '), r.evidence())).toList());
        model.put("flagged", tags != null && tags.safeguarding().flagged());
        String state = item.analysis() == null ? "none" : item.analysis().state();
        model.put("analysisDone", "done".equals(state));
        model.put("analysisFailed", "failed".equals(state));
        model.put("analysis", switch (state) {
            case "done" -> "Done";
            case "failed" -> "Failed: tagging could not read this, so read it for safeguarding yourself";
            default -> "Waiting: tagging has not read this yet, so read it for safeguarding yourself";
        });
        model.put("safeguardingReviewed", choices.safeguardingReviewed());
        claim(model, item, uid, now);
        model.put("preview", preview(body, choices, proposed));
        return model;
    }

    /** What stands where a text's words were, said as the desk would say why they are gone. */
    static String wordsGone(String status) {
        return switch (status) {
            case "erased" -> "(erased at the family\u2019s request)";
            case "expired" -> "(expired: nobody reviewed it within the retention period)";
            default -> "(withdrawn by its author)";
        };
    }

    private static String status(String status) {
        return switch (status) {
            case "pending_review" -> "Waiting for review";
            case "published" -> "Published";
            case "rejected" -> "Rejected";
            case "changes_requested" -> "Family asked to change it";
            case "withdrawn" -> "Withdrawn by its author";
            case "erased" -> "Erased at the family's request";
            case "expired" -> "Expired: nobody reviewed it within the retention period";
            case "read" -> "Read by the forum, not for quoting";
            default -> status.replace('_', ' ');
        };
    }

    private static String sentiment(int value) {
        return switch (value) {
            case 1 -> "Very positive";
            case 2 -> "Positive";
            case 3 -> "Neither positive nor negative";
            case 4 -> "Negative";
            default -> "Very negative";
        };
    }

    private static List<Proposal> proposals(String body, List<Tags.Redaction> proposed, ReviewChoices choices) {
        List<Proposal> out = new ArrayList<>();
        for (int i = 0; i < proposed.size(); i++) {
            Tags.Redaction p = proposed.get(i);
            out.add(new Proposal(i + 1, p.id(), words(body, p.begin(), p.end()), ReviewChoices.kindLabel(p.kind()),
                    choices.keep().contains(p.id())));
        }
        return out;
    }

    /** The words cut at each proposal, numbered as in the list of proposals; one that overlaps an earlier one is only listed. */
    private static List<Piece> pieces(String body, List<Tags.Redaction> proposed) {
        int length = TextSpans.length(body);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < proposed.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> proposed.get(i).begin()));
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        for (int i : order) {
            Tags.Redaction p = proposed.get(i);
            if (p.begin() < at || p.begin() >= length) {
                continue;
            }
            int end = Math.min(p.end(), length);
            if (p.begin() > at) {
                pieces.add(new Piece(words(body, at, p.begin()), null, null));
            }
            pieces.add(new Piece(words(body, p.begin(), end), i + 1, ReviewChoices.kindLabel(p.kind())));
            at = end;
        }
        if (at < length) {
            pieces.add(new Piece(words(body, at, length), null, null));
        }
        return pieces;
    }

    private static String words(String body, int begin, int end) {
        int length = TextSpans.length(body);
        int b = Math.max(0, Math.min(begin, length));
        int e = Math.max(b, Math.min(end, length));
        return body.substring(TextSpans.charIndex(body, b), TextSpans.charIndex(body, e));
    }

    /** The rows typed so far, each with its own errors, and one empty row to add another. */
    private static List<ExtraRow> extraRows(ReviewChoices choices, List<Pages.FieldError> errors) {
        Map<String, String> byField = new HashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field(), e.message()));
        List<ExtraRow> rows = new ArrayList<>();
        for (int i = 0; i < choices.extras().size(); i++) {
            ReviewChoices.Extra e = choices.extras().get(i);
            rows.add(new ExtraRow(i + 1, e.words(), e.kind(), byField.get("extra-" + (i + 1)), byField.get("extraKind-" + (i + 1))));
        }
        rows.add(new ExtraRow(rows.size() + 1, "", "", null, null));
        return rows;
    }

    private static void themes(Map<String, Object> model, ReviewItem item, @Nullable Tags tags, ReviewChoices choices,
                               List<AreaTheme> areaThemes) {
        Map<String, String> names = new LinkedHashMap<>();
        areaThemes.forEach(t -> names.put(t.themeId(), t.name()));
        Map<String, Double> scores = new HashMap<>();
        if (tags != null) {
            tags.themes().forEach(t -> scores.put(t.theme(), t.score()));
        }
        List<ThemeChoice> given = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String id : item.themes()) {
            String hint = scores.containsKey(id) ? "Given by tagging (score " + score(scores.get(id)) + ")" : "Given by a forum lead";
            given.add(new ThemeChoice(id, names.getOrDefault(id, id), hint, choices.themes().contains(id)));
            shown.add(id);
        }
        List<ThemeChoice> suggested = new ArrayList<>();
        if (tags != null) {
            for (Tags.Theme t : tags.suggestions()) {
                if (!shown.contains(t.theme())) {
                    suggested.add(new ThemeChoice(t.theme(), names.getOrDefault(t.theme(), t.name()),
                            "Suggested by tagging, which was unsure (score " + score(t.score()) + ")", choices.themes().contains(t.theme())));
                    shown.add(t.theme());
                }
            }
        }
        // Themes added with the select are kept as ticked boxes when the page is shown again.
        for (String id : choices.themes()) {
            if (!shown.contains(id)) {
                given.add(new ThemeChoice(id, names.getOrDefault(id, id), "Added by you", true));
                shown.add(id);
            }
        }
        model.put("givenThemes", given);
        model.put("suggestedThemes", suggested);
        model.put("otherThemes", areaThemes.stream().filter(AreaTheme::isActive).filter(t -> !shown.contains(t.themeId()))
                .sorted(Comparator.comparing(AreaTheme::name)).map(t -> new Option(t.themeId(), t.name())).toList());
    }

    private static String score(double score) {
        return String.format(Locale.UK, "%.2f", score);
    }

    private static void claim(Map<String, Object> model, ReviewItem item, String uid, Instant now) {
        boolean held = item.claimedBy() != null && item.claimedUntil() != null && item.claimedUntil().isAfter(now);
        boolean mine = held && uid.equals(item.claimedBy());
        model.put("claimedByMe", mine);
        model.put("claimedByOther", held && !mine);
        model.put("claim", !held ? "Nobody has claimed it. Claim it so no other forum lead acts on it while you decide."
                : (mine ? "You have" : "Another forum lead has") + " claimed it since "
                        + TIME.format(item.claimedUntil().minus(ReviewService.CLAIM)) + ", until " + TIME.format(item.claimedUntil()) + ".");
    }

    /** What publishing with these choices would make public, as the API computes it; null when the choices cannot apply. */
    @Nullable
    private static String preview(String body, ReviewChoices choices, List<Tags.Redaction> proposed) {
        ReviewChoices.Found found = choices.spansIn(body);
        if (body.isEmpty() || !found.errors().isEmpty()) {
            return null;
        }
        try {
            return Redactions.redacted(body, Redactions.toApply(body, choices.keep(), found.spans(), proposed));
        } catch (ProblemException e) {
            return null;
        }
    }
}
