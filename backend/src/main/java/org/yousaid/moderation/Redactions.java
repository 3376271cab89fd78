package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yousaid.shared.ProblemException;
import org.yousaid.shared.TextSpans;
import org.yousaid.tagging.Tags;

/**
 * What a forum lead's publish request takes out of a family's text. The safe choice cannot depend on
 * a client leaving a field out: generated clients send every list, empty by default, so an empty
 * request must mean "every proposed detail out". A proposal stays in only when the forum lead names
 * it in {@code keepProposed}; their own spans are added beside the rest, and spans that overlap are
 * taken out as one (that is how a proposal is widened). Offsets are code points, widened to whole
 * graphemes, so no span can cut an emoji or an accent off its letter.
 */
public final class Redactions {

    public static final Set<String> KINDS = Set.of("person", "place", "school", "email", "phone", "nhs_number", "postcode",
            "date_of_birth", "age");

    private Redactions() {
    }

    /** The spans to apply, in order, each marked as the tagger proposed it, edited from a proposal, or added. */
    public static List<Redaction> toApply(String raw, @Nullable List<String> keepProposed, @Nullable List<ReviewRequests.Span> given,
                                   List<Tags.Redaction> proposed) {
        Set<String> keep = new LinkedHashSet<>(keepProposed == null ? List.of() : keepProposed);
        Set<String> known = new HashSet<>();
        proposed.forEach(p -> known.add(p.id()));
        for (String id : keep) {
            if (!known.contains(id)) {
                throw new ProblemException(ModerationProblem.PROPOSAL_UNKNOWN,
                        "'" + id + "' is not a span tagging proposed for this text (it may have been re-tagged). "
                                + "Read the item again and name its proposals by their id.",
                        Map.of("keepProposed", "ids of the item's proposed redactions"));
            }
        }
        int length = TextSpans.length(raw);
        List<Piece> pieces = new ArrayList<>();
        for (Tags.Redaction p : proposed) {
            // A proposal that runs past the text (offsets of an older tagging run) is cut at its end, not dropped.
            int begin = Math.max(0, Math.min(p.begin(), length - 1));
            int end = Math.min(Math.max(p.end(), begin + 1), length);
            if (!keep.contains(p.id()) && length > 0) {
                TextSpans.Span whole = TextSpans.whole(raw, begin, end);
                pieces.add(new Piece(whole.begin(), whole.end(), p.kind(), p));
            }
        }
        List<Piece> own = new ArrayList<>();
        for (ReviewRequests.Span s : given == null ? List.<ReviewRequests.Span>of() : given) {
            if (s == null || s.begin() == null || s.end() == null || s.kind() == null || s.begin() < 0
                    || s.end() <= s.begin() || s.end() > length || !KINDS.contains(s.kind())) {
                throw new ProblemException(ModerationProblem.REDACTION_INVALID,
                        "Each redaction needs begin < end within the text (offsets in Unicode code points) and a kind.",
                        Map.of("redactions", "begin and end inside the text; kind one of " + String.join(", ", KINDS)));
            }
            TextSpans.Span whole = TextSpans.whole(raw, s.begin(), s.end());
            own.add(new Piece(whole.begin(), whole.end(), s.kind(), null));
        }
        own.sort(Comparator.comparingInt(Piece::begin));
        for (int i = 1; i < own.size(); i++) {
            if (own.get(i).begin() < own.get(i - 1).end()) {
                throw new ProblemException(ModerationProblem.REDACTION_INVALID,
                        "Your own redactions must not overlap each other (one that overlaps a proposal widens it).",
                        Map.of("redactions", "overlapping spans"));
            }
        }
        pieces.addAll(own);
        pieces.sort(Comparator.comparingInt(Piece::begin).thenComparing(p -> p.proposal() == null));
        return merged(pieces);
    }

    /** Overlapping pieces become one span; the forum lead's kind wins over the tagger's. */
    private static List<Redaction> merged(List<Piece> sorted) {
        List<Redaction> spans = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            List<Piece> group = new ArrayList<>(List.of(sorted.get(i)));
            int end = sorted.get(i).end();
            for (i++; i < sorted.size() && sorted.get(i).begin() < end; i++) {
                group.add(sorted.get(i));
                end = Math.max(end, sorted.get(i).end());
            }
            int begin = group.get(0).begin();
            Piece lead = group.stream().filter(p -> p.proposal() == null).findFirst().orElse(null);
            List<Piece> proposals = group.stream().filter(p -> p.proposal() != null).toList();
            String kind = lead != null ? lead.kind() : group.get(0).kind();
            String source;
            if (lead == null) {
                source = Redaction.PROPOSED;
            } else if (proposals.isEmpty()) {
                source = Redaction.ADDED;
            } else {
                int finalEnd = end;
                boolean asProposed = proposals.stream().anyMatch(p -> p.begin() == begin && p.end() == finalEnd && p.kind().equals(kind));
                source = asProposed ? Redaction.PROPOSED : Redaction.EDITED;
            }
            spans.add(new Redaction(begin, end, kind, source));
        }
        return spans;
    }

    /** The published text: each span replaced by a marker that says what kind of detail was taken out. */
    public static String redacted(String raw, List<Redaction> spans) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Redaction r : spans) {
            int begin = TextSpans.charIndex(raw, r.begin());
            out.append(raw, at, begin).append('[').append(r.kind().replace('_', ' ')).append(']');
            at = TextSpans.charIndex(raw, r.end());
        }
        return out.append(raw.substring(at)).toString();
    }

    private record Piece(int begin, int end, String kind, @Nullable Tags.Redaction proposal) {
    }
}
