package org.yousaid.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The invitation counts under the one small-numbers rule: nothing withheld can be worked out. */
class InvitationSummaryTest {

    @Test
    void oneAnswerAmongSixIsWithheldAndSoIsTheCountThatWouldGiveItAway() {
        InvitationViews.InvitationSummary s = InvitationViews.InvitationSummary.of(6, 5, 6, 1, 0);
        assertThat(s.invited().value()).isEqualTo(6);
        assertThat(s.answered().suppressed()).isTrue();
        assertThat(s.waiting().suppressed()).as("6 - 5 would give the one answer away").isTrue();
        assertThat(s.expired().value()).isZero();
        assertThat(s.opened().value()).isEqualTo(6);
    }

    @Test
    void largeCountsAreShownAndSmallTotalsAreNot() {
        InvitationViews.InvitationSummary large = InvitationViews.InvitationSummary.of(40, 20, 30, 12, 8);
        assertThat(large.waiting().value()).isEqualTo(20);
        assertThat(large.answered().value()).isEqualTo(12);
        assertThat(large.expired().value()).isEqualTo(8);
        InvitationViews.InvitationSummary small = InvitationViews.InvitationSummary.of(3, 3, 0, 0, 0);
        assertThat(small.invited().suppressed()).isTrue();
        assertThat(small.waiting().suppressed()).isTrue();
    }
}
