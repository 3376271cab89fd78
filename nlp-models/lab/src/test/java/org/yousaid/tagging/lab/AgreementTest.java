package org.yousaid.tagging.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cohen's kappa as the labelling guide's agreement is reported: per theme, its mean, sentiment and risk. */
class AgreementTest {

    @Test
    void kappaIsAgreementBeyondChance() {
        // 3 of 4 agree; chance agreement 0.5 (one pass says yes to half, the other to a quarter): kappa 0.5.
        assertThat(Agreement.kappa(new boolean[] {true, true, false, false}, new boolean[] {true, false, false, false}))
                .isCloseTo(0.5, within(1e-9));
        assertThat(Agreement.kappa(new boolean[] {true, false, true, false}, new boolean[] {true, false, true, false})).isEqualTo(1.0);
        assertThat(Agreement.kappa(new boolean[] {false, false}, new boolean[] {false, false})).as("nothing to agree on").isNaN();
    }

    @Test
    void theReportGivesEachThemeItsKappaAndSaysWhichNeitherPassGave(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.tsv");
        Path b = dir.resolve("b.tsv");
        Files.writeString(a, "id\tlabels\tsentiment\trisk\nt1\ttransport;waiting_times\t4\tnone\nt2\ttransport\t5\trisk\n"
                + "t3\tlocal_offer\t3\tnone\nt4\tlocal_offer\t1\tnone\n");
        Files.writeString(b, "id\tlabels\tsentiment\trisk\nt1\ttransport\t4\tnone\nt2\ttransport\t4\trisk\n"
                + "t3\tlocal_offer\t3\tnone\nt4\tlocal_offer;positive_experience\t1\tnone\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Agreement.run(a, b, List.of("transport", "waiting_times", "local_offer", "positive_experience", "wheelchairs"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);

        assertThat(report).containsPattern("transport\\s+2\\s+2\\s+2\\s+1\\.000")
                .containsPattern("waiting_times\\s+1\\s+0\\s+0\\s+0\\.000")
                .contains("mean kappa over 4 themes: 0.500")
                .contains("given by neither pass: wheelchairs")
                .contains("texts given exactly the same themes: 2 of 4")
                .contains("sentiment: the same 3 of 4, within one 4 of 4")
                .contains("risk: kappa 1.000 (first 1, second 1)");
    }
}
