package org.yousaid.tagging.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
        Trainer trainer = new Trainer(Shared.ANALYSER, Recipe.SHIPPED.withFolds(3), 2, Progress.silent());

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
        assertThat(loaded.manifest().recipe()).isEqualTo(Recipe.SHIPPED.withFolds(3));
        assertThat(loaded.manifest().labels()).allSatisfy(l -> assertThat(l.suggestFrom()).isNotNull()
                .isLessThanOrEqualTo(l.threshold()).isGreaterThanOrEqualTo(l.threshold() / 3 - 0.01));

        // A model trained on an encoder this engine lacks would score noise: refused at load.
        Path manifest = dir.resolve("manifest.json");
        String saved = Files.readString(manifest);
        Files.writeString(manifest, saved.replace(SentenceVectors.MINILM, "bge-small-en-v1.5-q"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelStore.load(dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("retrain");
    }

    @Test
    void anOlderEnginesModelLoadsWhenItsRecipeIsTheOneAndIsRefusedWhenItIsNot() throws Exception {
        Path shipped = Shared.home().resolve("models/send");
        for (Path file : java.nio.file.Files.walk(shipped).filter(Files::isRegularFile).toList()) {
            Path target = dir.resolve(shipped.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target);
        }
        // An older engine wrote its recipe as "settings", with the options this engine dropped.
        Path manifest = dir.resolve("manifest.json");
        String current = Files.readString(manifest);
        String older = current.replace("\"recipe\" : {", "\"settings\" : { \"stacked\" : true, \"averageLayers\" : false, "
                + "\"networkWeight\" : 0.0, \"idf\" : true, \"threads\" : 2,");
        assertThat(older).contains("\"settings\"");
        Files.writeString(manifest, older);
        assertThat(ModelStore.load(dir).manifest().recipe()).isEqualTo(Recipe.SHIPPED);

        var refused = java.util.Map.of("\"averageLayers\" : false", "\"averageLayers\" : true",
                "\"networkWeight\" : 0.0", "\"networkWeight\" : 0.35",
                "\"sentenceWeight\" : 1.0", "\"sentenceWeight\" : 0.0");
        refused.forEach((kept, changed) -> {
            assertThat(older).contains(kept);
            try {
                Files.writeString(manifest, older.replace(kept, changed));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelStore.load(dir)).as(changed)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("retrain");
        });
    }

    @Test
    void aThemeJustBelowItsBarIsSuggestedWhereHeldOutTextsThereWereOftenRight() {
        // Held out: 10 texts at 0.45 (4 right), 10 at 0.3 (1 right), threshold 0.5.
        double[] p = new double[20];
        boolean[] gold = new boolean[20];
        for (int i = 0; i < 20; i++) {
            p[i] = i < 10 ? 0.45 : 0.3;
            gold[i] = i < 4 || i == 10;
        }
        // [0.45, 0.5) holds 4 of 10 right; down to 0.3 it would hold 5 of 20 (0.25 < 0.3).
        assertThat(Trainer.suggestionFloor(p, gold, 0.5)).isEqualTo(0.45);
        // Nothing below the bar was ever right: no suggestions.
        assertThat(Trainer.suggestionFloor(p, new boolean[20], 0.5)).isEqualTo(0.5);

        ModelManifest.LabelEntry entry = new ModelManifest.LabelEntry("x", "000.ser.gz", 0.5, 40, 0.8, 0.45);
        assertThat(entry.suggestionFloor()).isEqualTo(0.45);
        assertThat(new ModelManifest.LabelEntry("x", "000.ser.gz", 0.5, 40, 0.8, null).suggestionFloor()).isEqualTo(0.5);
    }

    /** Raw features of the first 40 texts of the SEND test file, for comparing two ways of scoring them. */
    private static List<edu.stanford.nlp.stats.Counter<String>> firstTestTexts() throws Exception {
        Featuriser featuriser = new Featuriser();
        return LabelledData.read(Shared.home().resolve("data/send-test.tsv")).subList(0, 40).stream()
                .map(row -> featuriser.features(Shared.ANALYSER.analyse(row.text()))).toList();
    }

    @Test
    void flattenedWeightsScoreAsCoreNlpsOwnClassifiers() throws Exception {
        TextModel model = ModelStore.load(Shared.home().resolve("models/send"));
        for (var raw : firstTestTexts()) {
            var features = model.vocabulary().restrict(raw);
            double[][] fast = model.first().probabilities(features);
            var datum = new edu.stanford.nlp.ling.RVFDatum<String, String>(features);
            for (int l = 0; l < fast[0].length; l++) {
                var classifier = model.first().labels().get(l);
                double own = classifier == null ? 0 : classifier.probabilityOf(datum).getCount(Layer.YES);
                assertThat(fast[0][l]).isCloseTo(own, org.assertj.core.data.Offset.offset(1e-9));
            }
            var sentiment = model.first().sentiment().probabilityOf(datum);
            for (int s = 0; s < Layer.SENTIMENTS.size(); s++) {
                assertThat(fast[1][s]).isCloseTo(sentiment.getCount(Layer.SENTIMENTS.get(s)),
                        org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void scoringTablesScoreAsTheRestrictedAndStackedFeaturesDo() throws Exception {
        TextModel model = ModelStore.load(Shared.home().resolve("models/send"));
        for (var raw : firstTestTexts()) {
            var features = model.vocabulary().restrict(raw);
            double[][] firstP = model.first().probabilities(features);
            double[][] expected = model.second().probabilities(Layer.stacked(features, firstP[0], firstP[1]));
            TextModel.Scores scores = model.score(raw);
            for (int l = 0; l < expected[0].length; l++) {
                assertThat(scores.themes().get(l).probability())
                        .isCloseTo(expected[0][l], org.assertj.core.data.Offset.offset(1e-9));
            }
            int best = 0;
            for (int s = 1; s < expected[1].length; s++) {
                best = expected[1][s] > expected[1][best] ? s : best;
            }
            assertThat(scores.sentiment().value()).isEqualTo(best + 1);
            assertThat(scores.sentiment().probability()).isCloseTo(expected[1][best], org.assertj.core.data.Offset.offset(1e-9));
        }
        // A featuriser key outside the dense blocks' ranges is an ordinary sparse feature.
        assertThat(ScoringTables.dense("e:49")).isEqualTo(49);
        assertThat(ScoringTables.dense("s:0")).isEqualTo(50);
        assertThat(ScoringTables.dense("s:384")).isEqualTo(-1);
        assertThat(ScoringTables.dense("short:no")).isEqualTo(-1);
        assertThat(ScoringTables.dense("ms:1")).isEqualTo(-1);
    }

    @Test
    void jointThresholdsStopAWeakLabelFloodingTheOutput() {
        // Label 0 is easy: 100 positives at 0.9, 100 negatives at 0.05.
        // Label 1 is weak: 10 positives at 0.8; 30 positives and 90 negatives at 0.3; 70 negatives at 0.01.
        // Alone, its F1 is best taking everything at 0.3 (0.47 against 0.40), at the cost of 90 false positives.
        int n = 200;
        double[][] p = new double[2][n];
        boolean[] gold0 = new boolean[n];
        boolean[] gold1 = new boolean[n];
        for (int i = 0; i < n; i++) {
            gold0[i] = i < 100;
            p[0][i] = gold0[i] ? 0.9 : 0.05;
            gold1[i] = i < 40;
            p[1][i] = i < 10 ? 0.8 : i < 130 ? 0.3 : 0.01;
        }
        List<boolean[]> gold = List.of(gold0, gold1);

        double[] own = Trainer.thresholds(p, gold);
        double[] joint = Trainer.jointThresholds(p, gold, own);

        assertThat(own[1]).isLessThanOrEqualTo(0.3);
        assertThat(joint[1]).isGreaterThan(0.3).isLessThanOrEqualTo(0.8);
        assertThat(Metrics.f1(p[0], gold0, joint[0])).isEqualTo(1.0);
        // Micro-F1 goes from 280/370 to 220/250; macro-F1 from (1 + 0.47)/2 to (1 + 0.40)/2.
        long[] before = Metrics.confusion(p[1], gold1, own[1]);
        long[] after = Metrics.confusion(p[1], gold1, joint[1]);
        assertThat(Metrics.f1(100 + after[0], after[1], after[2]))
                .isGreaterThan(Metrics.f1(100 + before[0], before[1], before[2]));
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
}
