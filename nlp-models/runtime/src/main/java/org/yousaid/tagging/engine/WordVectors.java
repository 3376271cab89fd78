package org.yousaid.tagging.engine;

import edu.stanford.nlp.io.IOUtils;
import edu.stanford.nlp.neural.Embedding;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.ejml.simple.SimpleMatrix;

/**
 * The 50-dimensional English word embeddings that ship in CoreNLP's models jar (its neural coreference
 * model's, 103k words). Their mean over a comment lets a model trained on a few hundred SEND comments
 * treat "brilliant", "fantastic" and "lovely" alike, or "taxi" and "minibus", without having seen each.
 */
final class WordVectors {

    static final int DIMENSIONS = 50;
    private static final String RESOURCE = "edu/stanford/nlp/models/coref/neural/english-embeddings.ser.gz";
    private static volatile WordVectors shared;

    private final Embedding embedding;

    private WordVectors(Embedding embedding) {
        this.embedding = embedding;
    }

    static WordVectors shared() {
        WordVectors local = shared;
        if (local == null) {
            synchronized (WordVectors.class) {
                local = shared;
                if (local == null) {
                    try {
                        local = new WordVectors(IOUtils.readObjectFromURLOrClasspathOrFileSystem(RESOURCE));
                    } catch (IOException e) {
                        throw new UncheckedIOException("CoreNLP models jar lacks " + RESOURCE, e);
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                    shared = local;
                }
            }
        }
        return local;
    }

    /** Adds {@code word}'s vector to {@code sum}; false when the word is unknown. */
    boolean addTo(String word, double[] sum) {
        SimpleMatrix v = embedding.get(word);
        if (v == null) {
            return false;
        }
        for (int d = 0; d < DIMENSIONS; d++) {
            sum[d] += v.get(d);
        }
        return true;
    }
}
