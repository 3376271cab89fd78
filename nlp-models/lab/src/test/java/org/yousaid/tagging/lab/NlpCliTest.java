package org.yousaid.tagging.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yousaid.tagging.engine.LabelledData;
import org.yousaid.tagging.engine.LabelledText;
import org.yousaid.tagging.engine.Metrics;
import org.yousaid.tagging.engine.ModelManifest;
import org.yousaid.tagging.engine.ModelStore;
import org.yousaid.tagging.engine.Recipe;
import picocli.CommandLine;

/** The command line: one recipe, so the options left are data, folds and threads; bad ones are usage errors. */
class NlpCliTest {

    private record Run(int exit, String err) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = NlpCli.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        return new Run(cli.execute(args), err.toString());
    }

    @Test
    void optionsThatDidNotEarnTheirPlaceAreGoneAndBadOnesAreUsageErrors() {
        for (String[] bad : List.of(
                new String[] {"train", "--data", "a.tsv", "--out", "m", "--encoder", "bge-small-en-v1.5-q"},
                new String[] {"cv", "--data", "a.tsv", "--network-weight", "0"},
                new String[] {"cv", "--data", "a.tsv", "--average-layers", "false"},
                new String[] {"cv", "--data", "a.tsv", "--sigma", "3"},
                new String[] {"cv", "--data", "a.tsv", "--folds", "many"},
                new String[] {"cv", "--data", "a.tsv", "--folds", "1"},
                new String[] {"train", "--out", "m"},
                new String[] {"shuffle"},
                new String[] {})) {
            Run r = run(bad);
            assertThat(r.exit()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", bad)).isNotBlank();
        }
        assertThat(run("cv", "--data", "a.tsv", "--folds", "1").err()).contains("--folds must be at least 2");
        assertThat(run("train", "--data", "a.tsv", "--out", "m", "--sigma", "3").err()).contains("Unknown option").contains("--sigma");
    }

    @Test
    void helpNamesEveryCommand() {
        StringWriter out = new StringWriter();
        CommandLine cli = NlpCli.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("train", "evaluate", "cv", "tag", "bench", "suites");
    }

    @Test
    void aMissingDataFileIsAFailureNamingItInOneLine() {
        Run r = run("cv", "--data", "/nonexistent/file.tsv");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("nlp cv: no such file: /nonexistent/file.tsv");
    }

    @Test
    void aDataFileItCannotReadIsNamedWithItsLineAndWhatIsWrongNotATrace(@TempDir Path dir) throws Exception {
        Path noHeader = Files.writeString(dir.resolve("no-header.tsv"), "x1\tSome words\tehc_plans\t4\n");
        Run r = run("evaluate", "--model", "models/send", "--data", noHeader.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("nlp evaluate: " + noHeader + ": expected the header 'id\\ttext\\tlabels\\tsentiment'");

        Path badSentiment = Files.writeString(dir.resolve("bad.tsv"),
                "id\ttext\tlabels\tsentiment\nx1\tSome words\tehc_plans\tvery bad\n");
        r = run("cv", "--data", badSentiment.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(badSentiment + ":2: sentiment must be 1-5 or empty").doesNotContain("\tat ");
    }

    @Test
    void trainWithRealTextRecordsItsCrossValidatedFiguresInTheManifest(@TempDir Path dir) throws Exception {
        // Three themes of our own text and of the real texts, so the five folds train in seconds.
        Path own = slice(Shared.home().resolve("data/send-train.tsv"), dir.resolve("own.tsv"), 90);
        Path real = slice(Shared.home().resolve("data/send-real/send-real.tsv"), dir.resolve("real.tsv"), 40);
        Path out = dir.resolve("model");

        Run r = run("train", "--data", own + "," + real, "--real", real.toString(), "--out", out.toString(),
                "--version", "slice-1", "--threads", "2");

        assertThat(r.exit()).as(r.err()).isZero();
        ModelManifest manifest = ModelStore.manifest(out);
        assertThat(manifest.version()).isEqualTo("slice-1");
        assertThat(manifest.recipe()).isEqualTo(Recipe.SHIPPED);
        assertThat(manifest.trainingDataSha256()).isEqualTo(LabelledData.sha256(List.of(own, real)));
        assertThat(manifest.realText().source()).isEqualTo("real.tsv");
        assertThat(manifest.realText().texts()).isEqualTo(LabelledData.read(real).size());
        assertThat(manifest.realText().folds()).isEqualTo(5);
        assertThat(manifest.realText().microF1()).isBetween(0.0, 1.0);
        assertThat(manifest.realText().labels()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.support()).isPositive());
        assertThat(ModelStore.load(out).manifest().realText()).isEqualTo(manifest.realText());

        assertThat(run("train", "--data", own.toString(), "--real", real.toString(), "--out", out.toString()).exit())
                .as("--real must be one of the training files").isEqualTo(2);
    }

    private static final Set<String> SLICE_THEMES = Set.of("ehc_plans", "mental_health", "school_placement");

    /** Up to {@code most} texts of {@code from} about the slice's themes, with only those themes. */
    private static Path slice(Path from, Path to, int most) throws java.io.IOException {
        List<String> lines = Files.readAllLines(from);
        List<String> kept = new java.util.ArrayList<>(List.of("id\ttext\tlabels\tsentiment"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            List<String> themes = java.util.Arrays.stream(f[2].split(";")).filter(SLICE_THEMES::contains).toList();
            if (!themes.isEmpty() && kept.size() <= most) {
                kept.add(f[0] + "\t" + f[1] + "\t" + String.join(";", themes) + "\t" + f[3]);
            }
        }
        Files.write(to, kept);
        return to;
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
