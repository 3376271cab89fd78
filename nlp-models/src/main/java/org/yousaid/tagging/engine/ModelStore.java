package org.yousaid.tagging.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import edu.stanford.nlp.classify.LinearClassifier;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
 * CoreNLP's own {@link LinearClassifier#writeClassifier}, and {@code network.bin.gz} for a model with a {@link DenseNetwork}.
 */
public final class ModelStore {

    public static final String MANIFEST = "manifest.json";
    private static final String SENTIMENT = "sentiment.ser.gz";
    private static final String NETWORK = "network.bin.gz";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelStore() {
    }

    public static void save(TextModel model, Path dir) throws IOException {
        writeLayer(model.first(), model.manifest(), dir.resolve("first"));
        if (model.second() != null) {
            writeLayer(model.second(), model.manifest(), dir.resolve("stacked"));
        }
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
        if (model.network() != null) {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new GZIPOutputStream(Files.newOutputStream(dir.resolve(NETWORK)))))) {
                model.network().write(out);
            }
        }
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

    public static TextModel load(Path dir) {
        try {
            ModelManifest manifest = JSON.readValue(dir.resolve(MANIFEST).toFile(), ModelManifest.class);
            for (String encoder : manifest.settings().encoders()) {
                if (!SentenceVectors.known(encoder)) {
                    throw new IllegalStateException("model " + manifest.version() + " in " + dir + " was trained on the "
                            + encoder + " sentence encoder, which this engine does not have: retrain it");
                }
            }
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
            Layer second = manifest.settings().stacked() ? readLayer(manifest, dir.resolve("stacked")) : null;
            DenseNetwork network = null;
            if (manifest.settings().networkWeight() > 0) {
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                        new GZIPInputStream(Files.newInputStream(dir.resolve(NETWORK)))))) {
                    network = DenseNetwork.read(in);
                }
            }
            return new TextModel(manifest, new Vocabulary(java.util.Map.copyOf(features), manifest.settings().vectorWeight(),
                    manifest.settings().sentenceWeight()), first, second, network);
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
