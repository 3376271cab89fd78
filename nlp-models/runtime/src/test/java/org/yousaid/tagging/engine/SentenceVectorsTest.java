package org.yousaid.tagging.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceVectorsTest {

    @Test
    void theEncoderPutsTheSameComplaintNearerThanAnotherSubject() {
        for (String name : List.of(SentenceVectors.MINILM)) {
            SentenceVectors encoder = SentenceVectors.minilm();
            float[] late = encoder.embed("The ambulance was very late.");
            float[] slow = encoder.embed("We waited hours for the ambulance to arrive.");
            float[] food = encoder.embed("The food on the ward was lovely.");
            assertThat(late).hasSize(SentenceVectors.DIMENSIONS);
            assertThat(cosine(late, late)).as(name).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(cosine(late, slow)).as(name).isGreaterThan(cosine(late, food));
            assertThat(encoder.embed("  ")).containsOnly(0f);
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
