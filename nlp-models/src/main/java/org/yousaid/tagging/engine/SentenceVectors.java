package org.yousaid.tagging.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sentence embeddings (384 dimensions, int8-quantised), run in-process by the ONNX runtime through
 * langchain4j's BERT encoder. Unlike a bag of words, the
 * embedding of "nobody ever rings back" sits near "we are never kept informed": meaning learnt from
 * hundreds of millions of sentence pairs, which a few thousand labelled comments cannot teach the
 * sparse features. Three encoders: BAAI's bge-small-en-v1.5 (12 layers, MIT; about 5 ms a comment on
 * one core), all-MiniLM-L6-v2 (6 layers, Apache-2.0; about 2 ms) and intfloat's e5-small-v2 (12
 * layers, MIT; about 5 ms). On the pxtextmining data bge gave 2–3 points more sentiment accuracy
 * than MiniLM for similar theme F1; MiniLM keeps the tagging step above 300 comments/s on two
 * cores; the three together, each trained on different sentence pairs, feed the {@link DenseNetwork}.
 *
 * <p>One ONNX thread per call: the callers (tagging workers, the trainer's pool) already run one text
 * per core, and a second thread per call would only make them contend.
 */
final class SentenceVectors {

    static final int DIMENSIONS = 384;

    static final String BGE_SMALL = "bge-small-en-v1.5-q";
    static final String MINILM = "all-minilm-l6-v2-q";
    static final String E5_SMALL = "e5-small-v2-q";
    /** The encoders the engine can run, with their pooling; a model's settings name the ones it was trained on. */
    private static final Map<String, PoolingMode> POOLING = Map.of(BGE_SMALL, PoolingMode.CLS, MINILM, PoolingMode.MEAN,
            E5_SMALL, PoolingMode.MEAN);
    /** e5 was trained to embed a query after "query: " (and a passage after "passage: "); a comment is a query. */
    private static final Map<String, String> PREFIX = Map.of(E5_SMALL, "query: ");
    private static final Map<String, SentenceVectors> LOADED = new ConcurrentHashMap<>();

    private final EmbeddingModel model;
    private final String prefix;

    private SentenceVectors(EmbeddingModel model, String prefix) {
        this.model = model;
        this.prefix = prefix;
    }

    /** The encoders this engine can run, for messages. */
    static String names() {
        return String.join(", ", new java.util.TreeSet<>(POOLING.keySet()));
    }

    static boolean known(String name) {
        return name != null && POOLING.containsKey(name);
    }

    /** The encoder called {@code name}, loaded once per process. */
    static SentenceVectors named(String name) {
        if (!known(name)) {
            throw new IllegalArgumentException("unknown sentence encoder " + name + "; known: " + POOLING.keySet());
        }
        return LOADED.computeIfAbsent(name, SentenceVectors::load);
    }

    private static SentenceVectors load(String name) {
        ClassLoader loader = SentenceVectors.class.getClassLoader();
        try (InputStream modelBytes = loader.getResourceAsStream(name + ".onnx");
             InputStream tokenizer = loader.getResourceAsStream(name + "-tokenizer.json");
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (modelBytes == null || tokenizer == null) {
                throw new IllegalStateException("the model files of " + name + " are not on the classpath");
            }
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(modelBytes.readAllBytes(), options);
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, POOLING.get(name));
            return new SentenceVectors(new AbstractInProcessEmbeddingModel(Runnable::run) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }

                @Override
                protected Integer knownDimension() {
                    return DIMENSIONS;
                }
            }, PREFIX.getOrDefault(name, ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start the sentence embedding model", e);
        }
    }

    /** The unit-length embedding of {@code text}; all zeros for blank text. */
    float[] embed(String text) {
        if (text == null || text.isBlank()) {
            return new float[DIMENSIONS];
        }
        float[] v = model.embed(prefix + text).content().vector();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) (v[d] / norm);
            }
        }
        return v;
    }
}
