package org.yousaid.tagging.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class DenseNetworkTest {

    /**
     * Label "mixed" is given when exactly one of two directions is strong: no weighted sum of the inputs
     * separates that (the exclusive-or), which is why the network has hidden units. The sentiment class
     * follows the first direction alone.
     */
    private record Toy(float[][] x, boolean[][] y, int[] sentiment) {
        static Toy of(int n, long seed) {
            Random random = new Random(seed);
            float[][] x = new float[n][8];
            boolean[][] y = new boolean[n][2];
            int[] sentiment = new int[n];
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < 8; d++) {
                    x[i][d] = (float) random.nextGaussian() * 0.3f;
                }
                boolean a = random.nextBoolean();
                boolean b = random.nextBoolean();
                x[i][0] += a ? 1 : -1;
                x[i][1] += b ? 1 : -1;
                y[i][0] = a ^ b;
                y[i][1] = a;
                sentiment[i] = i % 7 == 0 ? -1 : (a ? 0 : 4);
            }
            return new Toy(x, y, sentiment);
        }
    }

    @Test
    void learnsWhatNoLinearClassifierCan() {
        Toy train = Toy.of(2000, 1);
        Toy test = Toy.of(500, 2);
        DenseNetwork net = DenseNetwork.train(train.x(), train.y(), train.sentiment(), 2, 5, 32, 30, 7);
        int mixedRight = 0;
        int sentimentRight = 0;
        int withSentiment = 0;
        for (int i = 0; i < test.x().length; i++) {
            double[][] p = net.probabilities(test.x()[i]);
            mixedRight += (p[0][0] >= 0.5) == test.y()[i][0] ? 1 : 0;
            if (test.sentiment()[i] >= 0) {
                withSentiment++;
                int best = 0;
                for (int c = 1; c < 5; c++) {
                    best = p[1][c] > p[1][best] ? c : best;
                }
                sentimentRight += best == test.sentiment()[i] ? 1 : 0;
                assertThat(p[1][0] + p[1][1] + p[1][2] + p[1][3] + p[1][4]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            }
        }
        // A linear classifier gets about half of the exclusive-or right.
        assertThat(mixedRight / 500.0).isGreaterThan(0.9);
        assertThat(sentimentRight / (double) withSentiment).isGreaterThan(0.9);
    }

    @Test
    void theSameDataGivesTheSameNetworkOnAnyNumberOfThreadsAndItSurvivesSaving() throws Exception {
        Toy train = Toy.of(300, 3);
        DenseNetwork one = new ForkJoinPool(1).submit(() -> DenseNetwork.train(train.x(), train.y(), train.sentiment(), 2, 5, 16, 3, 7)).get();
        DenseNetwork three = new ForkJoinPool(3).submit(() -> DenseNetwork.train(train.x(), train.y(), train.sentiment(), 2, 5, 16, 3, 7)).get();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            one.write(out);
        }
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(other)) {
            three.write(out);
        }
        assertThat(other.toByteArray()).isEqualTo(bytes.toByteArray());

        DenseNetwork read = DenseNetwork.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (float[] x : train.x()) {
            assertThat(read.probabilities(x)).isDeepEqualTo(one.probabilities(x));
        }
    }
}
