package org.yousaid.tagging.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the words overrule the model about feeling (on real CoreNLP tokens and lemmas): a
 * complaint with no praise is never positive nor a positive experience, a child's distress is
 * never positive, and praise, a writer's own tears or distress that has passed leave the reading.
 */
class FeelingReadingTest {

    private static TextModel.Scores read(String text, int sentiment, boolean positiveExperience) {
        TextModel.Scores model = new TextModel.Scores(List.of(
                new ThemeScore("advice_information", 0.8, true, false),
                new ThemeScore(RiskReading.POSITIVE, 0.7, positiveExperience, false)), new SentimentScore(sentiment, 0.6));
        return FeelingReading.apply(model, Shared.ANALYSER.analyse(text));
    }

    private static ThemeScore positive(TextModel.Scores scores) {
        return scores.themes().stream().filter(t -> t.label().equals(RiskReading.POSITIVE)).findFirst().orElseThrow();
    }

    @Test
    void aComplaintWithNoPraiseIsNeitherPositiveNorAPositiveExperience() {
        for (String complaint : List.of("SENDIASS took a month to call back.",
                "The transport team changed the pick up time without telling us.",
                "The direct payment admin is overwhelming.",
                "We are still waiting for the wheelchair service to ring.")) {
            TextModel.Scores read = read(complaint, 2, true);
            assertThat(read.sentiment().value()).as(complaint).isEqualTo(FeelingReading.NEGATIVE);
            assertThat(positive(read).given()).as(complaint).isFalse();
            // Still offered as a suggestion: a forum lead may read praise the cues missed.
            assertThat(positive(read).suggested()).as(complaint).isTrue();
            assertThat(read.themes().get(0).given()).as("the service's own theme stays").isTrue();
        }
    }

    @Test
    void praiseKeepsTheModelsReadingEvenBesideAComplaint() {
        for (String praise : List.of("SENDIASS were fantastic and came to every meeting with us.",
                "Our IAS officer knows the law inside out and explained it without jargon.",
                "We waited a while but the OT was brilliant when she came.",
                "His year 2 teacher made him feel he belonged. We will never forget her.",
                "The specialist seating arrived quickly and fits perfectly.")) {
            TextModel.Scores read = read(praise, 1, true);
            assertThat(read.sentiment().value()).as(praise).isEqualTo(1);
            assertThat(positive(read).given()).as(praise).isTrue();
        }
    }

    @Test
    void aChildsDistressIsNeverPositiveButTheWritersTearsAndDistressThatHasPassedAre() {
        TextModel.Scores distress = read("He screams and has meltdowns every morning before school.", 2, false);
        assertThat(distress.sentiment().value()).isEqualTo(FeelingReading.NEUTRAL);
        TextModel.Scores anxious = read("My daughter is anxious about the new class and the staff are lovely.", 1, true);
        assertThat(anxious.sentiment().value()).as("warm words beside a child's distress").isEqualTo(FeelingReading.NEUTRAL);

        for (String notDistress : List.of("We finally have a diagnosis and the report is so accurate it made me cry.",
                "Since moving to the specialist school his anxiety has eased and he is smiling again.",
                "She is no longer anxious about going to school.")) {
            assertThat(read(notDistress, 1, true).sentiment().value()).as(notDistress).isEqualTo(1);
        }
    }

    @Test
    void aNegativeOrNeutralReadingIsLeftAsTheModelGaveIt() {
        TextModel.Scores model = new TextModel.Scores(List.of(new ThemeScore("transport", 0.9, true, false)),
                new SentimentScore(5, 0.9));
        assertThat(FeelingReading.apply(model, Shared.ANALYSER.analyse("The taxi was late again and he had a meltdown.")))
                .isSameAs(model);
    }
}
