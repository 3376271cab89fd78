package org.yousaid.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.ProblemException;
import org.yousaid.tagging.Tags;

/** The publish rule on its own: what comes out of a text for each request a client can send. */
class RedactionsTest {

    static final String TEXT = "Oliver Bennett lives in Leeds; call 07700 900123.";
    static final List<Tags.Redaction> PROPOSED = List.of(new Tags.Redaction(0, 14, "person"), new Tags.Redaction(24, 29, "place"),
            new Tags.Redaction(36, 48, "phone"));

    static String published(List<String> keep, List<ReviewRequests.Span> own) {
        return Redactions.redacted(TEXT, Redactions.toApply(TEXT, keep, own, PROPOSED));
    }

    @Test
    void noListsAndEmptyListsBothTakeEveryProposalOut() {
        assertThat(Redactions.redacted(TEXT, Redactions.toApply(TEXT, null, null, PROPOSED)))
                .isEqualTo("[person] lives in [place]; call [phone].");
        assertThat(published(List.of(), List.of())).isEqualTo("[person] lives in [place]; call [phone].");
    }

    @Test
    void aProposalStaysInOnlyWhenKeptByItsId() {
        assertThat(PROPOSED.get(1).id()).isEqualTo("24-29");
        assertThat(published(List.of("24-29"), List.of())).isEqualTo("[person] lives in Leeds; call [phone].");
        assertThatThrownBy(() -> published(List.of("24-30"), List.of()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(ModerationProblem.PROPOSAL_UNKNOWN));
    }

    @Test
    void theForumLeadsOwnSpansWidenReKindOrAdd() {
        List<Redaction> applied = Redactions.toApply(TEXT, List.of(), List.of(
                new ReviewRequests.Span(21, 29, "place"),      // "in Leeds": widens the proposal
                new ReviewRequests.Span(0, 14, "school"),      // the same span as a proposal, another kind
                new ReviewRequests.Span(15, 20, "age")), PROPOSED);
        assertThat(applied).extracting(Redaction::source).containsExactly("edited", "added", "edited", "proposed");
        assertThat(Redactions.redacted(TEXT, applied)).isEqualTo("[school] [age] [place]; call [phone].");
    }

    @Test
    void aProposalFromAnOlderRunThatOverrunsTheTextIsCutNotDropped() {
        List<Tags.Redaction> overrun = List.of(new Tags.Redaction(36, 60, "phone"));
        assertThat(Redactions.redacted(TEXT, Redactions.toApply(TEXT, List.of(), List.of(), overrun)))
                .isEqualTo("Oliver Bennett lives in Leeds; call [phone]");
    }

    @Test
    void ownSpansThatOverlapEachOtherAreRefused() {
        assertThatThrownBy(() -> published(List.of(), List.of(new ReviewRequests.Span(0, 6, "person"), new ReviewRequests.Span(3, 9, "person"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(ModerationProblem.REDACTION_INVALID));
    }
}
