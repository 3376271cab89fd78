package org.yousaid.tagging.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Entry point of {@code nlp-models/nlp}: train, evaluate, cv, tag, bench. */
public final class NlpCli {

    private static final String USAGE = """
            usage: nlp <command> [options]
              train    --data FILE.tsv --out DIR [--version V] [--taxonomy FILE.yaml] [--sigma S] [--folds K]
              evaluate --model DIR --data FILE.tsv
              cv       --data FILE.tsv [--folds K]          cross-validated figures of the training recipe
              tag      [--model DIR]                        stdin lines -> one JSON object per line
              bench    [--model DIR] [--data FILE.tsv] [--seconds N]
              suites                                        redaction and safeguarding suite figures
            """;

    private NlpCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        Map<String, String> options = options(args);
        Progress progress = new Progress(System.err);
        try {
            switch (args[0]) {
                case "train" -> train(options, progress);
                case "evaluate" -> evaluate(options, progress, System.out);
                case "cv" -> crossValidate(options, progress, System.out);
                case "tag" -> TagCommand.run(modelDir(options), System.in, System.out, progress);
                case "bench" -> Bench.run(modelDir(options), options, System.out, progress);
                case "suites" -> Suites.run(NlpHome.dir(), System.out, progress);
                default -> {
                    System.err.print("unknown command '" + args[0] + "'\n" + USAGE);
                    System.exit(2);
                }
            }
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    static Path modelDir(Map<String, String> options) {
        String dir = options.get("model");
        if (dir != null) {
            return Path.of(dir);
        }
        return NlpHome.defaultModel();
    }

    private static void train(Map<String, String> options, Progress progress) throws IOException {
        List<Path> data = paths(required(options, "data"));
        Path out = Path.of(required(options, "out"));
        List<LabelledText> rows = read(data);
        TrainingSettings settings = settings(options, "folds");
        String taxonomyVersion = null;
        if (options.containsKey("taxonomy")) {
            Taxonomy taxonomy = Taxonomy.load(Path.of(options.get("taxonomy")));
            taxonomy.checkLabels(rows);
            taxonomyVersion = taxonomy.version();
        }
        String sha = sha256(data);
        String version = options.getOrDefault("version", out.getFileName() + "-" + sha.substring(0, 8));
        progress.say("loading CoreNLP");
        Trainer trainer = new Trainer(new TextAnalyser(), settings, progress);
        TextModel model = trainer.train(rows, version, taxonomyVersion, sha);
        ModelStore.save(model, out);
        progress.say("saved %s (%d labels) to %s", version, model.manifest().labels().size(), out);
    }

    private static void evaluate(Map<String, String> options, Progress progress, PrintStream out) throws IOException {
        Path dir = Path.of(required(options, "model"));
        List<LabelledText> rows = LabelledData.read(Path.of(required(options, "data")));
        progress.say("loading CoreNLP and %s", dir);
        TextModel model = ModelStore.load(dir);
        // Featurised as the model was trained (its sentence encoder), on this machine's threads.
        TrainingSettings settings = model.manifest().settings().withThreads(TrainingSettings.defaults().threads());
        var raw = new Trainer(new TextAnalyser(), settings, progress).featurise(rows);
        List<TextModel.Scores> scores = raw.stream().map(model::score).toList();
        List<java.util.Set<String>> predicted = scores.stream().map(s -> java.util.Set.copyOf(s.themes().stream()
                .filter(ThemeScore::given).map(ThemeScore::label).toList())).toList();
        List<Integer> sentiment = scores.stream().map(s -> s.sentiment() == null ? null : s.sentiment().value()).toList();
        report(Metrics.of(rows, predicted, sentiment), out);
    }

    private static void crossValidate(Map<String, String> options, Progress progress, PrintStream out) throws IOException {
        List<LabelledText> rows = read(paths(required(options, "data")));
        // --with: labelled texts every fold's model also learns from, never scored.
        List<LabelledText> alongside = options.containsKey("with") ? read(paths(options.get("with"))) : List.of();
        TrainingSettings settings = settings(options, "inner-folds");
        progress.say("loading CoreNLP");
        Trainer trainer = new Trainer(new TextAnalyser(), settings, progress);
        int folds = Integer.parseInt(options.getOrDefault("folds", "5"));
        report(new CrossValidation(trainer, progress).run(rows, alongside, folds), out);
    }

    /** Labelled files given as {@code a.tsv,b.tsv}: read in order, as one. */
    static List<Path> paths(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::strip).filter(p -> !p.isEmpty()).map(Path::of).toList();
    }

    static List<LabelledText> read(List<Path> files) throws IOException {
        List<LabelledText> rows = new java.util.ArrayList<>();
        for (Path file : files) {
            rows.addAll(LabelledData.read(file));
        }
        return rows;
    }

    /** One file's SHA-256 as before; several files' is the SHA-256 of their bytes one after another. */
    static String sha256(List<Path> files) throws IOException {
        if (files.size() == 1) {
            return sha256(files.get(0));
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The training recipe from the command line; {@code foldsKey} names the threshold-tuning folds. */
    static TrainingSettings settings(Map<String, String> options, String foldsKey) {
        TrainingSettings d = TrainingSettings.defaults();
        TrainingSettings settings = new TrainingSettings(
                number(options, "sigma", d.sigma()),
                number(options, "sentiment-sigma", d.sentimentSigma()),
                (int) number(options, foldsKey, d.folds()),
                (int) number(options, "min-count", d.minFeatureCount()),
                number(options, "vector-weight", d.vectorWeight()),
                number(options, "sentence-weight", d.sentenceWeight()),
                options.getOrDefault("encoder", d.encoder()),
                flag(options, "idf", d.idf()),
                flag(options, "stacked", d.stacked()),
                flag(options, "joint-thresholds", d.jointThresholds()),
                flag(options, "weigh-rare", d.weighRare()),
                flag(options, "average-layers", d.averageLayers()),
                number(options, "network-weight", d.networkWeight()),
                options.getOrDefault("network-encoders", d.networkEncoders()),
                d.threads());
        for (String encoder : settings.encoders()) {
            if (!SentenceVectors.known(encoder)) {
                throw new UsageException("unknown encoder '" + encoder + "' in --encoder or --network-encoders ('+'-separated); known: "
                        + SentenceVectors.names());
            }
        }
        // A share outside 0..1 would turn the blend into an extrapolation; a network with no encoders reads nothing.
        if (settings.networkWeight() < 0 || settings.networkWeight() > 1) {
            throw new UsageException("--network-weight must be between 0 (no network) and 1, not " + settings.networkWeight());
        }
        if (settings.networkWeight() > 0 && settings.networkEncoderList().isEmpty()) {
            throw new UsageException("--network-weight above 0 needs at least one encoder in --network-encoders");
        }
        if (settings.networkEncoderList().size() > Featuriser.MAX_NETWORK_ENCODERS) {
            throw new UsageException("--network-encoders takes at most " + Featuriser.MAX_NETWORK_ENCODERS + " encoders");
        }
        return settings;
    }

    private static double number(Map<String, String> options, String key, double fallback) {
        String value = options.get(key);
        try {
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " must be a number, not '" + value + "'");
        }
    }

    private static boolean flag(Map<String, String> options, String key, boolean fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new UsageException("--" + key + " must be true or false, not '" + value + "'");
        }
        return value.equals("true");
    }

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

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new UsageException("unexpected argument '" + args[i] + "'");
            }
            String key = args[i].substring(2);
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new UsageException("--" + key + " needs a value");
            }
            options.put(key, args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new UsageException("--" + key + " is required");
        }
        return value;
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
