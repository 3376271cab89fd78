package org.yousaid.tagging.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Safeguarding on real families' words (data/send-real: parents and young people in petitions and
 * evidence to Parliament, each text marked risk or none by hand): every risk text is flagged by the
 * shipped check (rules and classifier), each flag names its reason and quotes its evidence, and
 * fewer than 1 in 10 ordinary texts raise an alarm.
 */
class SendRealSafeguardingTest {

    record Row(String id, String text, boolean risk) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(Shared.home().resolve("data/send-real/send-real.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            rows.add(new Row(f[0], f[1], "risk".equals(f[4])));
        }
        return rows;
    }

    @Test
    void everyRealRiskTextIsFlaggedAndFewerThanOneInTenOrdinaryOnesAre() throws IOException {
        TextModel model = ModelStore.load(Shared.home().resolve("models/safeguarding"));
        SafeguardingCheck shipped = new SafeguardingCheck(model, model.manifest().labels().get(0).threshold());
        Featuriser featuriser = new Featuriser();
        List<String> missed = new ArrayList<>();
        List<String> alarms = new ArrayList<>();
        int ordinary = 0;
        for (Row row : rows()) {
            SafeguardingCheck.Result r = shipped.assess(Shared.ANALYSER.analyse(row.text()), featuriser);
            if (row.risk() && !r.flagged()) {
                missed.add(row.id());
            }
            if (!row.risk()) {
                ordinary++;
                if (r.flagged()) {
                    alarms.add(row.id() + " " + r.findings());
                }
            }
            r.findings().forEach(f -> assertThat(f.evidence()).as(row.id()).isNotBlank());
        }
        System.out.printf("send-real safeguarding: %d risk texts missed, %d false alarms in %d ordinary texts%n",
                missed.size(), alarms.size(), ordinary);
        assertThat(missed).isEmpty();
        assertThat(alarms.size()).as("alarms: %s", alarms).isLessThan(ordinary / 10);
    }
}
