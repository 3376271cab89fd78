package org.yousaid.tagging.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labelled files as people hand them over: saved from a spreadsheet, quoted words left as written. */
class LabelledDataTest {

    @Test
    void aFileSavedFromASpreadsheetReadsLikeAnyOther(@TempDir Path dir) throws Exception {
        String rows = "id\ttext\tlabels\tsentiment\n"
                + "p1\tThe LA said \"no\" to the assessment, again.\tehc_plans; listened_to_involved\t5\n"
                + "p2\tNursery have been brilliant.\tearly_years;positive_experience\t\n";
        Path plain = Files.writeString(dir.resolve("plain.tsv"), rows);
        Path spreadsheet = dir.resolve("spreadsheet.tsv");
        Files.write(spreadsheet, ("\uFEFF" + rows.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));

        List<LabelledText> read = LabelledData.read(spreadsheet);

        assertThat(read).isEqualTo(LabelledData.read(plain));
        assertThat(read.get(0)).isEqualTo(new LabelledText("p1", "The LA said \"no\" to the assessment, again.",
                Set.of("ehc_plans", "listened_to_involved"), 5));
        assertThat(read.get(1).sentiment()).isNull();
    }
}
