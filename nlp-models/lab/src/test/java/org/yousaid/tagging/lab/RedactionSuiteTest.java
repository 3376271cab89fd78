package org.yousaid.tagging.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.tagging.engine.Redactor;

/** The redaction suite with the real CoreNLP NER: recall is the figure that protects children. */
class RedactionSuiteTest {

    @Test
    void recallOnTheSuiteIsAtLeast98Percent() throws Exception {
        List<RedactionSuite.Case> cases = RedactionSuite.read(Shared.home().resolve("suites/redaction.txt"));
        RedactionSuite.Figures f = RedactionSuite.run(cases, Shared.ANALYSER, new Redactor());

        System.out.printf("redaction suite: %d cases, %d spans, recall %.3f, precision %.3f%n",
                f.cases(), f.expected(), f.recall(), f.precision());
        assertThat(f.cases()).isGreaterThanOrEqualTo(200);
        assertThat(f.recall()).as("missed: %s", f.misses()).isGreaterThanOrEqualTo(0.98);
        assertThat(f.precision()).as("false alarms: %s", f.falseAlarms()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void findsTheNamesCoreNlpAloneMisses() {
        Redactor redactor = new Redactor();
        String text = "Amelia has waited two years. My son Will goes to Oakwood Primary School in Chelmsford.";

        List<String> found = redactor.spans(Shared.ANALYSER.analyse(text)).stream()
                .map(s -> s.kind() + ":" + text.substring(s.begin(), s.end())).toList();

        assertThat(found).contains("PERSON:Amelia", "PERSON:Will", "SCHOOL:Oakwood Primary School", "PLACE:Chelmsford");
    }

    @Test
    void organisationsCountiesAndTheNhsAreNotPersonal() {
        Redactor redactor = new Redactor();
        for (String text : List.of("Essex County Council refused to assess.", "The NHS wheelchair service in Kent took ten months.",
                "Will anyone read this?", "He is 12 and has no school place.", "Order reference 1234567890 never arrived.")) {
            assertThat(redactor.spans(Shared.ANALYSER.analyse(text))).as(text).isEmpty();
        }
    }

    @Test
    void patternsHaveTheirShapes() {
        Redactor redactor = new Redactor();
        String text = "Call 07700 900123 or 01245 123456, email a.b@example.org, NHS number 943 476 5919, postcode CM1 1AA, born 12/03/2014.";

        List<String> kinds = redactor.spans(Shared.ANALYSER.analyse(text)).stream().map(s -> s.kind().name()).toList();

        assertThat(kinds).containsExactly("PHONE", "PHONE", "EMAIL", "NHS_NUMBER", "POSTCODE", "DATE_OF_BIRTH");
    }
}
