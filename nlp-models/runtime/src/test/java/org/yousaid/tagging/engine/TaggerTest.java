package org.yousaid.tagging.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole tagging step with the shipped models. */
class TaggerTest {

    static final Tagger TAGGER = new Tagger(Shared.ANALYSER, ModelStore.load(Shared.home().resolve("models/send")),
            ModelStore.load(Shared.home().resolve("models/safeguarding")));

    @Test
    void tagsThemesSentimentRedactionAndSafeguardingAtOnce() {
        TagResult r = TAGGER.tag("My daughter Amelia has waited 14 months for speech therapy and I'm at breaking point.");

        assertThat(r.givenThemes()).extracting(ThemeScore::label).contains("speech_language_therapy", "waiting_times");
        assertThat(r.sentiment().value()).isGreaterThanOrEqualTo(4);
        assertThat(r.redactions()).extracting(RedactionSpan::kind).contains(RedactionSpan.Kind.PERSON);
        assertThat(r.safeguarding().flagged()).isTrue();
        assertThat(r.safeguarding().reasons()).contains(SafeguardingCheck.Reason.CARER_AT_BREAKING_POINT);
        assertThat(r.modelVersion()).isEqualTo(Tagger.versionOf(Shared.home().resolve("models")));
    }

    @Test
    void praiseIsPositive() {
        TagResult r = TAGGER.tag("The short breaks club is brilliant, the staff are so kind. Thank you!");

        assertThat(r.givenThemes()).extracting(ThemeScore::label).contains("short_breaks_respite", "positive_experience");
        assertThat(r.sentiment().value()).isLessThanOrEqualTo(2);
        assertThat(r.safeguarding().flagged()).isFalse();
    }

    @Test
    void theReadmesKarateTextAndOtherClubWordsAreNotAlarms() {
        // The README's desk walk: r6 read "karate" (and "judo", "a six", "a tackle") as violence.
        for (String text : List.of("My son was asked to leave karate because he could not follow the instructions fast enough.",
                "My son goes to karate.", "My son was asked to leave judo because he could not follow the instructions fast enough.",
                "Gymnastics club asked us to stay and be his helper every week or leave.")) {
            assertThat(TAGGER.tag(text).safeguarding().flagged()).as(text).isFalse();
        }
        assertThat(TAGGER.tag("The karate instructor hit him when he got a move wrong.").safeguarding().reasons())
                .contains(SafeguardingCheck.Reason.ABUSE);
    }

    @Test
    void aTextAboutRiskIsNeverReadAsGoodNewsAndCarriesItsTheme() {
        TagResult r = TAGGER.tag("The holiday club staff were lovely and kind, but her uncle abused her there and she has"
                + " been hurting herself ever since.");

        assertThat(r.safeguarding().flagged()).isTrue();
        assertThat(r.givenThemes()).extracting(ThemeScore::label).contains("mental_health").doesNotContain("positive_experience");
        assertThat(r.sentiment().value()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void oneSentenceOfHarmInALongLetterIsReadOnItsOwnAndShortAnswersAreNotAlarms() {
        // No rule fires here: only the classifier, reading the sentence, can raise it.
        String harm = "Last month he was found by the canal at midnight after climbing over the fence.";
        String letter = "Our son is fourteen and has an EHCP for autism. The annual review was late again and the"
                + " council has still not named a school. He has been out of education since March and we have"
                + " written to everyone we can think of. " + harm + " We are still waiting for the tribunal date.";
        SafeguardingCheck rules = new SafeguardingCheck();
        assertThat(rules.assess(letter, null).flagged()).isFalse();

        TagResult r = TAGGER.tag(letter);

        assertThat(r.safeguarding().findings()).filteredOn(f -> f.reason() == SafeguardingCheck.Reason.CLASSIFIER)
                .singleElement().satisfies(f -> assertThat(f.evidence()).startsWith(harm));
        // The answers families give most often to "anything else?" are not a risk.
        for (String answer : List.of("Nothing.", "Nothing", "I am not sure", "No comment", "N/A")) {
            assertThat(TAGGER.tag(answer).safeguarding().flagged()).as(answer).isFalse();
        }
    }

    @Test
    void aFlagTheClassifierRaisesQuotesTheSentenceThatRaisedIt() {
        String worrying = "He says he wants to die.";
        TagResult r = TAGGER.tag("He has an EHCP now and the new chair came quickly. " + worrying);

        assertThat(r.safeguarding().findings()).filteredOn(f -> f.reason() == SafeguardingCheck.Reason.CLASSIFIER)
                .singleElement().satisfies(f -> assertThat(f.evidence()).startsWith(worrying).matches(".* \\(p=[01]\\.\\d\\d\\)"));
        assertThat(Shared.ANALYSER.analyse("One. Two three").sentences()).satisfiesExactly(
                one -> assertThat(one.text()).isEqualTo("One."),
                two -> {
                    assertThat(two.text()).isEqualTo("Two three");
                    assertThat(two.tokens()).extracting(t -> two.text().substring(t.begin(), t.end()))
                            .containsExactly("Two", "three");
                });
        assertThat(SafeguardingCheck.quote("a  b\n c")).isEqualTo("a b c");
        assertThat(SafeguardingCheck.quote("x".repeat(300))).hasSize(200).endsWith("…");
    }
}
