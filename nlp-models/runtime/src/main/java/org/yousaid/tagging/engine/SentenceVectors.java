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
 * Sentence embeddings (384 dimensions, int8-quantised all-MiniLM-L6-v2, Apache-2.0), run in-process by
 * the ONNX runtime through langchain4j's BERT encoder. Unlike a bag of words, the embedding of "nobody
 * ever rings back" sits near "we are never kept informed": meaning learnt from hundreds of millions
 * of sentence pairs, which a few thousand labelled comments cannot teach the sparse features. MiniLM
 * (6 layers, about 2 ms a comment on one core) keeps the tagging step above 300 comments/s on two
 * cores; the 12-layer bge-small and e5-small cost 5 ms each for a point or two that only a network
 * over all three earned on one data set, so neither ships.
 *
 * <p>One ONNX thread per call: the callers (tagging workers, the trainer's pool) already run one text
 * per core, and a second thread per call would only make them contend.
 */
final class SentenceVectors {

    static final int DIMENSIONS = 384;

    static final String MINILM = "all-minilm-l6-v2-q";
    private static final Map<String, SentenceVectors> LOADED = new ConcurrentHashMap<>();

    private final EmbeddingModel model;

    private SentenceVectors(EmbeddingModel model) {
        this.model = model;
    }

    static boolean known(String name) {
        return MINILM.equals(name);
    }

    /** The encoder, loaded once per process. */
    static SentenceVectors minilm() {
        return LOADED.computeIfAbsent(MINILM, SentenceVectors::load);
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
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            return new SentenceVectors(new AbstractInProcessEmbeddingModel(Runnable::run) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }

                @Override
                protected Integer knownDimension() {
                    return DIMENSIONS;
                }
            });
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
        float[] v = model.embed(text).content().vector();
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
