package org.yousaid.tagging.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import edu.stanford.nlp.classify.LinearClassifier;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Saves and loads a model directory: {@code manifest.json}, {@code vocabulary.txt.gz}, and per layer
 * ({@code first/}, {@code stacked/}) one {@code NNN.ser.gz} per label and {@code sentiment.ser.gz}, each classifier written by
 * CoreNLP's own {@link LinearClassifier#writeClassifier}.
 */
public final class ModelStore {

    public static final String MANIFEST = "manifest.json";
    private static final String SENTIMENT = "sentiment.ser.gz";
    /** What an older engine's network left; this engine cannot score it. */
    private static final String NETWORK = "network.bin.gz";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelStore() {
    }

    public static void save(TextModel model, Path dir) throws IOException {
        if (!model.savable()) {
            throw new IllegalStateException("a model kept only for scoring cannot be saved: save the one it was loaded from");
        }
        writeLayer(model.first(), model.manifest(), dir.resolve("first"));
        writeLayer(model.second(), model.manifest(), dir.resolve("stacked"));
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(dir.resolve("vocabulary.txt.gz"))), StandardCharsets.UTF_8))) {
            for (String feature : new TreeSet<>(model.vocabulary().features())) {
                w.write(feature);
                w.write('\t');
                w.write(Double.toString(model.vocabulary().weights().get(feature)));
                w.write('\n');
            }
        }
        Files.deleteIfExists(dir.resolve(NETWORK));
        JSON.writeValue(dir.resolve(MANIFEST).toFile(), model.manifest());
    }

    /**
     * The whole model directory as one zip, for keeping a model where every server can read it (an
     * area's retrained model lives in the database, not on one machine's disk).
     */
    public static byte[] toBytes(TextModel model) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("yousaid-model");
            save(model, dir);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes);
                 var files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the model", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** A model packed by {@link #toBytes}. */
    public static TextModel fromBytes(byte[] packed) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("yousaid-model");
            try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(packed))) {
                java.util.zip.ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    Path target = dir.resolve(entry.getName()).normalize();
                    if (!target.startsWith(dir)) {
                        throw new IOException("a packed model may not write outside its directory: " + entry.getName());
                    }
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
            return load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the model", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary directory left behind is harmless; the model was already read or written.
        }
    }

    /** Only the manifest (cheap: no classifiers are read). */
    public static ModelManifest manifest(Path dir) {
        try {
            return JSON.readValue(dir.resolve(MANIFEST).toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest in " + dir, e);
        }
    }

    /** Rewrites only the manifest of a saved model (figures measured after training). */
    public static void saveManifest(ModelManifest manifest, Path dir) throws IOException {
        JSON.writeValue(dir.resolve(MANIFEST).toFile(), manifest);
    }

    /**
     * Refuses a model this engine would score wrongly: one trained on another sentence encoder, or by
     * an older engine with a network, the mean of both layers or no stacked layer (its manifest's
     * {@code settings} say so). Older models trained with what is now the one recipe load as they are.
     */
    private static void checkRecipe(JsonNode manifest, ModelManifest read, Path dir) {
        String refused = null;
        if (read.recipe() == null) {
            refused = "names no recipe";
        } else if (read.recipe().sentenceWeight() <= 0) {
            refused = "was trained without the sentence embedding, which the one recipe always reads";
        } else if (!SentenceVectors.known(read.recipe().encoder())) {
            refused = "was trained on the " + read.recipe().encoder() + " sentence encoder, which this engine does not have";
        } else if (Files.exists(dir.resolve(NETWORK)) || manifest.path("settings").path("networkWeight").asDouble(0) > 0) {
            refused = "has a network, which this engine no longer has";
        } else if (manifest.path("settings").path("averageLayers").asBoolean(false)
                || !manifest.path("settings").path("stacked").asBoolean(true)) {
            refused = "combines its layers in a way this engine no longer does";
        }
        if (refused != null) {
            throw new IllegalStateException("model " + read.version() + " in " + dir + " " + refused + ": retrain it");
        }
    }

    public static TextModel load(Path dir) {
        try {
            JsonNode tree = JSON.readTree(dir.resolve(MANIFEST).toFile());
            ModelManifest manifest = JSON.treeToValue(tree, ModelManifest.class);
            checkRecipe(tree, manifest, dir);
            java.util.Map<String, Double> features = new java.util.HashMap<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(dir.resolve("vocabulary.txt.gz"))), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    int tab = line.lastIndexOf('\t');
                    if (tab < 0) {
                        features.put(line, 1.0);
                    } else {
                        features.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
                    }
                }
            }
            Layer first = readLayer(manifest, dir.resolve("first"));
            Layer second = readLayer(manifest, dir.resolve("stacked"));
            return new TextModel(manifest, new Vocabulary(java.util.Map.copyOf(features), manifest.recipe().vectorWeight(),
                    manifest.recipe().sentenceWeight()), first, second);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the model in " + dir, e);
        }
    }

    private static void writeLayer(Layer layer, ModelManifest manifest, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        for (int i = 0; i < layer.labels().size(); i++) {
            if (layer.labels().get(i) != null) {
                LinearClassifier.writeClassifier(layer.labels().get(i), dir.resolve(manifest.labels().get(i).file()).toString());
            }
        }
        if (layer.sentiment() != null) {
            LinearClassifier.writeClassifier(layer.sentiment(), dir.resolve(SENTIMENT).toString());
        }
    }

    private static Layer readLayer(ModelManifest manifest, Path dir) {
        List<LinearClassifier<String, String>> labels = new ArrayList<>();
        for (ModelManifest.LabelEntry entry : manifest.labels()) {
            Path file = dir.resolve(entry.file());
            labels.add(Files.exists(file) ? LinearClassifier.readClassifier(file.toString()) : null);
        }
        LinearClassifier<String, String> sentiment = manifest.sentiment()
                ? LinearClassifier.readClassifier(dir.resolve(SENTIMENT).toString()) : null;
        return new Layer(labels, sentiment);
    }
}
