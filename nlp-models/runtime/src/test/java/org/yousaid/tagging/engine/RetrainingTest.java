package org.yousaid.tagging.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The pieces of an area's retraining that need no training run: the switching rule and the packed model. */
class RetrainingTest {

    static Retraining.Figures f(double micro) {
        return new Retraining.Figures(micro, micro, 10);
    }

    @Test
    void anAreaSwitchesOnlyToACandidateNoWorseOnItsOwnWordsAndWithinAPointOnOurs() {
        assertThat(Retraining.notWorse(f(0.90), f(0.90), f(0.70), f(0.70))).isTrue();
        assertThat(Retraining.notWorse(f(0.90), f(0.895), f(0.70), f(0.80))).isTrue();
        assertThat(Retraining.notWorse(f(0.90), f(0.95), f(0.70), f(0.69))).as("held-back corrections worse").isFalse();
        assertThat(Retraining.notWorse(f(0.90), f(0.885), f(0.70), f(0.90))).as("SEND test more than a point worse").isFalse();
    }

    @Test
    void aModelKeptOnlyForScoringScoresExactlyAsTheWholeOneAndCannotBeSaved() throws Exception {
        TextModel whole = ModelStore.load(Shared.home().resolve("models/send"));
        TextModel lean = whole.forScoringOnly();
        assertThat(lean.savable()).isFalse();
        assertThat(lean.forScoringOnly()).isSameAs(lean);
        assertThat(lean.manifest()).isEqualTo(whole.manifest());
        Featuriser featuriser = new Featuriser();
        for (String text : List.of("We waited a year for a wheelchair.", "The holiday club turned her away.",
                "The speech therapist was brilliant and really listened to us.")) {
            var features = featuriser.features(Shared.ANALYSER.analyse(text));
            assertThat(lean.score(features)).isEqualTo(whole.score(features));
        }
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("lean");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelStore.save(lean, dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kept only for scoring");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelStore.toBytes(lean))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPackedModelScoresExactlyAsTheShippedOneAndAPackCannotWriteOutsideItsDirectory() throws Exception {
        TextModel shipped = ModelStore.load(Shared.home().resolve("models/send"));
        TextModel unpacked = ModelStore.fromBytes(ModelStore.toBytes(shipped));
        assertThat(unpacked.manifest()).isEqualTo(shipped.manifest());
        Featuriser featuriser = new Featuriser();
        for (String text : List.of("We waited a year for a wheelchair.", "The holiday club turned her away.")) {
            var features = featuriser.features(Shared.ANALYSER.analyse(text));
            assertThat(unpacked.score(features)).isEqualTo(shipped.score(features));
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../escaped.txt"));
            zip.write(1);
            zip.closeEntry();
        }
        assertThatThrownBy(() -> ModelStore.fromBytes(bytes.toByteArray())).hasRootCauseMessage(
                "a packed model may not write outside its directory: ../escaped.txt");
    }
}
