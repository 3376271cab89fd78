package org.yousaid.tagging.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training, saving and loading, on a slice of the SEND data (any label set works: the engine has no taxonomy). */
class TrainerTest {

    @TempDir
    Path dir;

    @Test
    void aSavedModelLoadsAndScoresExactlyAsTrained() throws Exception {
        List<LabelledText> rows = LabelledData.read(Shared.home().resolve("data/send-train.tsv")).subList(0, 300);
        Trainer trainer = new Trainer(Shared.ANALYSER, new TrainingSettings(10, 1, 3, 2, 0.5, false, true, 2), Progress.silent());

        TextModel trained = trainer.train(rows, "test-1", null, "sha");
        ModelStore.save(trained, dir);
        TextModel loaded = ModelStore.load(dir);

        assertThat(Files.exists(dir.resolve("manifest.json"))).isTrue();
        assertThat(loaded.manifest().version()).isEqualTo("test-1");
        assertThat(loaded.manifest().heldOutMetrics()).containsKeys("microF1", "macroF1", "sentimentAccuracy");
        Featuriser featuriser = new Featuriser();
        for (String text : List.of("The wheelchair took a year.", "Thank you to the speech therapist.", "No transport.")) {
            var features = featuriser.features(Shared.ANALYSER.analyse(text));
            assertThat(loaded.score(features)).isEqualTo(trained.score(features));
        }
    }

    @Test
    void metricsFollowTheirDefinitions() {
        List<LabelledText> gold = List.of(
                new LabelledText("1", "a", Set.of("x", "y"), 1),
                new LabelledText("2", "b", Set.of("y"), 5),
                new LabelledText("3", "c", Set.of("z"), null));
        List<Set<String>> predicted = List.of(Set.of("x"), Set.of("y"), Set.of("x"));

        Metrics m = Metrics.of(gold, predicted, java.util.Arrays.asList(1, 4, 3));

        // tp 2 (x in 1, y in 2), fp 1 (x in 3), fn 2 (y in 1, z in 3): micro-F1 = 4 / 7.
        assertThat(m.microF1()).isCloseTo(4.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
        // x: P 1/2 R 1 F 2/3; y: P 1 R 1/2 F 2/3; z: 0.
        assertThat(m.macroF1()).isCloseTo((2.0 / 3 + 2.0 / 3 + 0) / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.samplesF1()).isCloseTo((2.0 / 3 + 1 + 0) / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.exactMatch()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(m.sentimentAccuracy()).isEqualTo(0.5);
        assertThat(m.summaryLine()).matches("micro-F1 \\d\\.\\d{3} macro-F1 \\d\\.\\d{3} samples-F1 \\d\\.\\d{3} exact \\d\\.\\d{3} sentiment-acc \\d\\.\\d{3}");
    }

    @Test
    void evaluateReportsPerLabelThenEndsWithTheSummaryLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<LabelledText> gold = List.of(new LabelledText("1", "a", Set.of("transport"), 2));
        NlpCli.report(Metrics.of(gold, List.of(Set.of("transport")), List.of(2)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[0]).startsWith("label");
        assertThat(lines[1]).startsWith("transport");
        assertThat(lines[lines.length - 1]).isEqualTo("micro-F1 1.000 macro-F1 1.000 samples-F1 1.000 exact 1.000 sentiment-acc 1.000");
    }
}
