package org.yousaid.tagging.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.yousaid.tagging.engine.LabelledData;
import org.yousaid.tagging.engine.LabelledText;
import org.yousaid.tagging.engine.Metrics;
import org.yousaid.tagging.engine.ModelManifest;
import org.yousaid.tagging.engine.ModelStore;
import org.yousaid.tagging.engine.Progress;
import org.yousaid.tagging.engine.Recipe;
import org.yousaid.tagging.engine.Taxonomy;
import org.yousaid.tagging.engine.TextAnalyser;
import org.yousaid.tagging.engine.TextModel;
import org.yousaid.tagging.engine.ThemeScore;
import org.yousaid.tagging.engine.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of {@code nlp-models/nlp}. Every command trains and scores with the one {@link Recipe}
 * the shipped models use: there is nothing to choose but the data, the folds of a cross-validation
 * and the threads (which change speed, never results).
 */
@Command(name = "nlp", mixinStandardHelpOptions = true, version = "nlp (YouSaid)",
        description = "Train, measure and run the YouSaid tagging engine.",
        subcommands = {NlpCli.Train.class, NlpCli.Evaluate.class, NlpCli.CrossValidate.class, NlpCli.Tag.class,
                NlpCli.BenchCommand.class, NlpCli.AreaModelsCommand.class, NlpCli.SuitesCommand.class, NlpCli.AgreementCommand.class})
public final class NlpCli implements Runnable {

    /** Folds of the cross-validation on real families' words that {@code train --real} records. */
    static final int REAL_TEXT_FOLDS = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, exit codes as picocli's: 0 done, 2 a usage error, 1 a failure. */
    static CommandLine commandLine() {
        return new CommandLine(new NlpCli()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(NlpCli::unreadable);
    }

    /**
     * A data file or model that cannot be read is the user's to mend: one line saying which and why,
     * not a stack trace. Anything else is a defect of ours and keeps its trace.
     */
    private static int unreadable(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (!(cause instanceof IOException)) {
            throw e;
        }
        String message = cause instanceof NoSuchFileException missing ? "no such file: " + missing.getFile()
                : cause.getMessage();
        command.getErr().println("nlp " + command.getCommandName() + ": " + message);
        command.getErr().flush();
        return 1;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    /** The threads of training and featurising: up to four, as many as this machine has cores. */
    static class Threads {
        @Option(names = "--threads", description = "threads (default: up to 4, one per core)")
        int threads = Trainer.defaultThreads();
    }

    @Command(name = "train", description = "Train a model with the one recipe and save it.")
    static final class Train implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--data", required = true, split = ",", description = "labelled TSV files, read in order as one")
        List<Path> data;
        @Option(names = "--out", required = true, description = "the model directory")
        Path out;
        @Option(names = "--version", description = "the model version (default: directory name and data hash)")
        String version;
        @Option(names = "--taxonomy", description = "the taxonomy every label must belong to")
        Path taxonomy;
        @Option(names = "--real", description = "one of the --data files holding real families' words: "
                + "its texts are also cross-validated in 5 folds (the other data always learned from) and the figures go into the manifest")
        Path real;
        @CommandLine.Mixin
        Threads threads = new Threads();

        @Override
        public Integer call() throws IOException {
            Progress progress = new Progress(System.err);
            List<LabelledText> rows = LabelledData.read(data);
            String taxonomyVersion = null;
            if (taxonomy != null) {
                Taxonomy t = Taxonomy.load(taxonomy);
                t.checkLabels(rows);
                taxonomyVersion = t.version();
            }
            if (real != null && data.stream().noneMatch(real::equals)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--real must be one of the --data files");
            }
            String sha = LabelledData.sha256(data);
            String name = version != null ? version : out.getFileName() + "-" + sha.substring(0, 8);
            progress.say("loading CoreNLP");
            Trainer trainer = new Trainer(new TextAnalyser(), Recipe.SHIPPED, threads.threads, progress);
            TextModel model = trainer.train(rows, name, taxonomyVersion, sha);
            ModelStore.save(model, out);
            progress.say("saved %s (%d labels) to %s", name, model.manifest().labels().size(), out);
            if (real != null) {
                List<LabelledText> realRows = LabelledData.read(real);
                List<LabelledText> alongside = LabelledData.read(data.stream().filter(p -> !p.equals(real)).toList());
                Metrics m = new CrossValidation(trainer, progress).run(realRows, alongside, REAL_TEXT_FOLDS);
                ModelManifest withFigures = model.manifest().withRealText(realText(real, realRows.size(), REAL_TEXT_FOLDS, m));
                ModelStore.saveManifest(withFigures, out);
                report(m, System.out);
            }
            return 0;
        }
    }

    static ModelManifest.RealTextFigures realText(Path source, int texts, int folds, Metrics m) {
        return new ModelManifest.RealTextFigures(source.getFileName().toString(), texts, folds, round(m.microF1()),
                round(m.macroF1()), round(m.sentimentAccuracy()), m.perLabel().stream()
                .map(f -> new ModelManifest.LabelFigure(f.label(), f.support(), round(f.precision()), round(f.recall()),
                        round(f.f1()))).toList());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Command(name = "evaluate", description = "Per-label figures of a saved model on a labelled file.")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--model", required = true)
        Path model;
        @Option(names = "--data", required = true)
        Path data;
        @CommandLine.Mixin
        Threads threads = new Threads();

        @Override
        public Integer call() throws IOException {
            Progress progress = new Progress(System.err);
            List<LabelledText> rows = LabelledData.read(data);
            progress.say("loading CoreNLP and %s", model);
            TextModel loaded = ModelStore.load(model);
            Set<String> known = Set.copyOf(loaded.manifest().labels().stream().map(ModelManifest.LabelEntry::label).toList());
            Set<String> unknown = new TreeSet<>();
            rows.forEach(r -> r.labels().stream().filter(l -> !known.contains(l)).forEach(unknown::add));
            if (!unknown.isEmpty()) {
                progress.say("labels the model does not know, counted as missed: %s", String.join(", ", unknown));
            }
            var raw = new Trainer(new TextAnalyser(), loaded.manifest().recipe(), threads.threads, progress).featurise(rows);
            List<TextModel.Scores> scores = raw.stream().map(loaded::score).toList();
            List<Set<String>> predicted = scores.stream().map(s -> Set.copyOf(s.themes().stream()
                    .filter(ThemeScore::given).map(ThemeScore::label).toList())).toList();
            List<Integer> sentiment = scores.stream().map(s -> s.sentiment() == null ? null : s.sentiment().value()).toList();
            report(Metrics.of(rows, predicted, sentiment), System.out);
            return 0;
        }
    }

    @Command(name = "cv", description = "Cross-validated figures of the recipe (threshold tuning included).")
    static final class CrossValidate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--data", required = true, split = ",", description = "the labelled texts to score")
        List<Path> data;
        @Option(names = "--with", split = ",", description = "labelled texts every fold also learns from, never scored")
        List<Path> alongside = List.of();
        @Option(names = "--folds", defaultValue = "5", description = "outer folds (${DEFAULT-VALUE})")
        int folds;
        @CommandLine.Mixin
        Threads threads = new Threads();

        @Override
        public Integer call() throws IOException {
            if (folds < 2) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--folds must be at least 2");
            }
            Progress progress = new Progress(System.err);
            List<LabelledText> rows = LabelledData.read(data);
            List<LabelledText> with = LabelledData.read(alongside);
            progress.say("loading CoreNLP");
            Trainer trainer = new Trainer(new TextAnalyser(), Recipe.SHIPPED, threads.threads, progress);
            report(new CrossValidation(trainer, progress).run(rows, with, folds), System.out);
            return 0;
        }
    }

    @Command(name = "tag", description = "Tag stdin, one text a line, one JSON object a line out.")
    static final class Tag implements Callable<Integer> {
        @Option(names = "--models", description = "the directory holding send/ and safeguarding/ (default: the shipped)")
        Path models;

        @Override
        public Integer call() throws IOException {
            TagCommand.run(models != null ? models : NlpHome.models(), System.in, System.out, new Progress(System.err));
            return 0;
        }
    }

    @Command(name = "bench", description = "Load time, memory and comments a second through the whole tagging step.")
    static final class BenchCommand implements Callable<Integer> {
        @Option(names = "--models", description = "the directory holding send/ and safeguarding/ (default: the shipped)")
        Path models;
        @Option(names = "--data", description = "texts to tag (default: data/send-train.tsv)")
        Path data;
        @Option(names = "--seconds", defaultValue = "20", description = "seconds per measurement (${DEFAULT-VALUE})")
        int seconds;

        @Override
        public Integer call() throws Exception {
            Bench.run(models != null ? models : NlpHome.models(),
                    data != null ? data : NlpHome.dir().resolve("data/send-train.tsv"), seconds, System.out,
                    new Progress(System.err));
            return 0;
        }
    }

    @Command(name = "area-models", description = "Heap and load time of each area's own theme model, and how many a worker holds.")
    static final class AreaModelsCommand implements Callable<Integer> {
        @Option(names = "--models", description = "the directory holding send/ and safeguarding/ (default: the shipped)")
        Path models;
        @Option(names = "--areas", defaultValue = "12", description = "area models to load side by side (${DEFAULT-VALUE})")
        int areas;

        @Override
        public Integer call() {
            AreaModelsBench.run(models != null ? models : NlpHome.models(), areas, System.out);
            return 0;
        }
    }

    @Command(name = "agreement", description = "Cohen's kappa per theme between two labelling passes of the same texts.")
    static final class AgreementCommand implements Callable<Integer> {
        @CommandLine.Parameters(index = "0", description = "the first pass (TSV: id, labels, sentiment, risk)")
        Path first;
        @CommandLine.Parameters(index = "1", description = "the second pass, labelled without seeing the first")
        Path second;

        @Override
        public Integer call() throws IOException {
            List<String> themes = Taxonomy.load(NlpHome.dir().resolve("taxonomy/send-themes.yaml")).themes().stream()
                    .map(Taxonomy.Theme::id).toList();
            Agreement.run(first, second, themes, System.out);
            return 0;
        }
    }

    @Command(name = "suites", description = "The redaction and safeguarding suites, with every miss and false alarm.")
    static final class SuitesCommand implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            Suites.run(NlpHome.dir(), System.out, new Progress(System.err));
            return 0;
        }
    }

    /** Per-label precision, recall and F1, then sentiment, then the one summary line. */
    static void report(Metrics m, PrintStream out) {
        out.printf("%-60s %7s %9s %6s %6s%n", "label", "support", "precision", "recall", "F1");
        for (Metrics.LabelFigures f : m.perLabel()) {
            out.printf(Locale.ROOT, "%-60s %7d %9.3f %6.3f %6.3f%n", f.label(), f.support(), f.precision(), f.recall(), f.f1());
        }
        if (m.sentimentRows() > 0) {
            out.printf(Locale.ROOT, "sentiment: %d rows, accuracy %.3f, macro-F1 %.3f%n",
                    m.sentimentRows(), m.sentimentAccuracy(), m.sentimentMacroF1());
        }
        out.println(m.summaryLine());
    }
}
