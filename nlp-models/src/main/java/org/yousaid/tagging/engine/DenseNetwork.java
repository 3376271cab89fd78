package org.yousaid.tagging.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A network with one hidden layer of rectified units over a text's sentence embedding: a sigmoid
 * output per label and a softmax over the five sentiment classes, all trained together. A linear
 * classifier can only add up embedding dimensions; the hidden units combine them ("waited" near
 * "hours" near "ambulance"), and because every label shares them a label with few examples borrows
 * what the frequent ones taught. Its probabilities are blended with the linear layers' (see
 * {@link Trainer}). Trained with Adam on mini-batches and a small L2 penalty, from a fixed seed, so
 * the same data gives the same network. Immutable once trained; thread-safe.
 */
final class DenseNetwork {

    static final int HIDDEN = 512;
    static final int EPOCHS = 40;
    private static final int BATCH = 64;
    private static final float LEARNING_RATE = 1e-3f;
    private static final float L2 = 1e-3f;
    private static final int MAGIC = 0x59534e31;
    /** A batch is split in this many tasks, whatever the cores, so sums never depend on the machine. */
    private static final int QUARTERS = 4;

    private final int inputs;
    private final int hidden;
    private final int labels;
    private final int classes;
    /** Input to hidden weights, row per input: {@code w1[i * hidden + j]}. */
    private final float[] w1;
    private final float[] b1;
    /** Hidden to output weights, row per hidden unit: {@code w2[j * outputs + k]}; labels first, then classes. */
    private final float[] w2;
    private final float[] b2;

    private DenseNetwork(int inputs, int hidden, int labels, int classes, float[] w1, float[] b1, float[] w2, float[] b2) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.labels = labels;
        this.classes = classes;
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
    }

    int inputs() {
        return inputs;
    }

    /**
     * Trains on {@code x[n][inputs]} with gold labels {@code y[n][labels]} and sentiment classes
     * {@code sentiment[n]} (0-based, -1 where a text has none). Runs on the caller's fork-join pool;
     * every sum is taken in a fixed order, so the pool's size changes speed, never weights.
     */
    static DenseNetwork train(float[][] x, boolean[][] y, int[] sentiment, int labels, int classes, int hidden,
                              int epochs, long seed) {
        int inputs = x[0].length;
        int outputs = labels + classes;
        Random random = new Random(seed);
        DenseNetwork net = new DenseNetwork(inputs, hidden, labels, classes,
                glorot(random, inputs, hidden), new float[hidden],
                glorot(random, hidden, outputs), new float[outputs]);
        Adam[] adam = {new Adam(net.w1.length), new Adam(net.b1.length), new Adam(net.w2.length), new Adam(net.b2.length)};
        float[] gw1 = new float[net.w1.length];
        float[] gb1 = new float[hidden];
        float[] gw2 = new float[net.w2.length];
        float[] gb2 = new float[outputs];
        float[][] h = new float[BATCH][hidden];
        float[][] dh = new float[BATCH][hidden];
        float[][] delta = new float[BATCH][outputs];
        int[] order = IntStream.range(0, x.length).toArray();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < order.length; start += BATCH) {
                int size = Math.min(BATCH, order.length - start);
                float[][] bx = new float[size][];
                for (int b = 0; b < size; b++) {
                    bx[b] = x[order[start + b]];
                }
                int from = start;
                // Forward and back to the hidden units, a quarter of the batch per task. A row of the
                // input weights is read once per task, not once per text: memory, not arithmetic,
                // bounds these loops.
                IntStream.range(0, QUARTERS).parallel().forEach(q -> {
                    int lo = q * size / QUARTERS;
                    int hi = (q + 1) * size / QUARTERS;
                    net.hidden(bx, lo, hi, h);
                    for (int b = lo; b < hi; b++) {
                        net.outputs(h[b], delta[b]);
                        net.backward(h[b], y[order[from + b]], sentiment[order[from + b]], delta[b], dh[b]);
                    }
                });
                // Per weight row: the batch's gradient, summed over the texts in batch order.
                IntStream.range(0, inputs).parallel().forEach(i -> {
                    int row = i * hidden;
                    java.util.Arrays.fill(gw1, row, row + hidden, 0f);
                    for (int b = 0; b < size; b++) {
                        float xi = bx[b][i];
                        if (xi != 0) {
                            float[] d = dh[b];
                            for (int j = 0; j < hidden; j++) {
                                gw1[row + j] += xi * d[j];
                            }
                        }
                    }
                });
                IntStream.range(0, hidden).parallel().forEach(j -> {
                    int row = j * outputs;
                    java.util.Arrays.fill(gw2, row, row + outputs, 0f);
                    float gb = 0;
                    for (int b = 0; b < size; b++) {
                        float hj = h[b][j];
                        gb += dh[b][j];
                        if (hj != 0) {
                            float[] d = delta[b];
                            for (int k = 0; k < outputs; k++) {
                                gw2[row + k] += hj * d[k];
                            }
                        }
                    }
                    gb1[j] = gb;
                });
                java.util.Arrays.fill(gb2, 0f);
                for (int b = 0; b < size; b++) {
                    for (int k = 0; k < outputs; k++) {
                        gb2[k] += delta[b][k];
                    }
                }
                adam[0].step(net.w1, gw1, size, true);
                adam[1].step(net.b1, gb1, size, false);
                adam[2].step(net.w2, gw2, size, true);
                adam[3].step(net.b2, gb2, size, false);
            }
        }
        return net;
    }

    /** Label probabilities, then sentiment class probabilities. */
    double[][] probabilities(float[] x) {
        float[] h = new float[hidden];
        float[] o = new float[labels + classes];
        forward(x, h, o);
        double[] labelP = new double[labels];
        for (int k = 0; k < labels; k++) {
            labelP[k] = o[k];
        }
        double[] classP = new double[classes];
        for (int c = 0; c < classes; c++) {
            classP[c] = o[labels + c];
        }
        return new double[][] {labelP, classP};
    }

    private void forward(float[] x, float[] h, float[] o) {
        hidden(new float[][] {x}, 0, 1, new float[][] {h});
        outputs(h, o);
    }

    /** Hidden activations (before rectifying) of texts {@code lo} to {@code hi}. */
    private void hidden(float[][] x, int lo, int hi, float[][] h) {
        for (int b = lo; b < hi; b++) {
            System.arraycopy(b1, 0, h[b], 0, hidden);
        }
        for (int i = 0; i < inputs; i++) {
            int row = i * hidden;
            for (int b = lo; b < hi; b++) {
                float xi = x[b][i];
                if (xi != 0) {
                    float[] hb = h[b];
                    for (int j = 0; j < hidden; j++) {
                        hb[j] += xi * w1[row + j];
                    }
                }
            }
        }
    }

    /** Rectifies the hidden units and computes the output probabilities (sigmoids for labels, softmax for the classes). */
    private void outputs(float[] h, float[] o) {
        int outputs = labels + classes;
        System.arraycopy(b2, 0, o, 0, outputs);
        for (int j = 0; j < hidden; j++) {
            if (h[j] <= 0) {
                h[j] = 0;
                continue;
            }
            float hj = h[j];
            int row = j * outputs;
            for (int k = 0; k < outputs; k++) {
                o[k] += hj * w2[row + k];
            }
        }
        for (int k = 0; k < labels; k++) {
            o[k] = (float) (1.0 / (1.0 + Math.exp(-o[k])));
        }
        if (classes > 0) {
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, o[labels + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                o[labels + c] = (float) Math.exp(o[labels + c] - max);
                sum += o[labels + c];
            }
            for (int c = 0; c < classes; c++) {
                o[labels + c] /= (float) sum;
            }
        }
    }

    /**
     * Turns the output probabilities in {@code delta} into the error of the summed label
     * cross-entropies plus the sentiment cross-entropy, and carries it back to the hidden units.
     */
    private void backward(float[] h, boolean[] y, int sentiment, float[] delta, float[] dh) {
        int outputs = labels + classes;
        for (int k = 0; k < labels; k++) {
            delta[k] -= y[k] ? 1 : 0;
        }
        for (int c = 0; c < classes; c++) {
            // A text without a sentiment teaches the sentiment outputs nothing.
            delta[labels + c] = sentiment < 0 ? 0 : delta[labels + c] - (c == sentiment ? 1 : 0);
        }
        for (int j = 0; j < hidden; j++) {
            if (h[j] <= 0) {
                dh[j] = 0;
                continue;
            }
            int row = j * outputs;
            float sum = 0;
            for (int k = 0; k < outputs; k++) {
                sum += w2[row + k] * delta[k];
            }
            dh[j] = sum;
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(inputs);
        out.writeInt(hidden);
        out.writeInt(labels);
        out.writeInt(classes);
        for (float[] a : new float[][] {w1, b1, w2, b2}) {
            for (float v : a) {
                out.writeFloat(v);
            }
        }
    }

    static DenseNetwork read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a YouSaid dense network file");
        }
        int inputs = in.readInt();
        int hidden = in.readInt();
        int labels = in.readInt();
        int classes = in.readInt();
        float[] w1 = readFloats(in, inputs * hidden);
        float[] b1 = readFloats(in, hidden);
        float[] w2 = readFloats(in, hidden * (labels + classes));
        float[] b2 = readFloats(in, labels + classes);
        return new DenseNetwork(inputs, hidden, labels, classes, w1, b1, w2, b2);
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }

    /** Glorot-uniform start, as for rectified units: keeps activations' scale steady through the layers. */
    private static float[] glorot(Random random, int fanIn, int fanOut) {
        float bound = (float) Math.sqrt(6.0 / (fanIn + fanOut));
        float[] w = new float[fanIn * fanOut];
        for (int i = 0; i < w.length; i++) {
            w[i] = (random.nextFloat() * 2 - 1) * bound;
        }
        return w;
    }

    /** Adam's running moments for one parameter array. */
    private static final class Adam {
        private static final float BETA1 = 0.9f;
        private static final float BETA2 = 0.999f;
        private static final float EPSILON = 1e-8f;
        private static final int CHUNK = 1 << 14;
        private final float[] m;
        private final float[] v;
        private int t;

        Adam(int n) {
            m = new float[n];
            v = new float[n];
        }

        /** One step from the summed gradient of a batch of {@code size} texts; weights (not biases) are decayed. */
        void step(float[] w, float[] gradient, int size, boolean decay) {
            t++;
            float lr = (float) (LEARNING_RATE * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t)));
            float decayRate = decay ? L2 : 0;
            float perText = 1f / size;
            int chunks = (w.length + CHUNK - 1) / CHUNK;
            IntStream.range(0, chunks).parallel().forEach(c -> {
                int end = Math.min(w.length, (c + 1) * CHUNK);
                for (int i = c * CHUNK; i < end; i++) {
                    float g = (gradient[i] + decayRate * w[i]) * perText;
                    m[i] = BETA1 * m[i] + (1 - BETA1) * g;
                    v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
                    w[i] -= lr * m[i] / ((float) Math.sqrt(v[i]) + EPSILON);
                }
            });
        }
    }
}
