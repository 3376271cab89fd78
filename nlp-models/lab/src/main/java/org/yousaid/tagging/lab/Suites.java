package org.yousaid.tagging.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.yousaid.tagging.engine.Featuriser;
import org.yousaid.tagging.engine.ModelStore;
import org.yousaid.tagging.engine.Progress;
import org.yousaid.tagging.engine.Redactor;
import org.yousaid.tagging.engine.SafeguardingCheck;
import org.yousaid.tagging.engine.TextAnalyser;
import org.yousaid.tagging.engine.TextModel;

/** {@code nlp suites}: prints the redaction suite's figures and every miss and false alarm. */
final class Suites {

    private Suites() {
    }

    static void run(Path home, PrintStream out, Progress progress) throws IOException {
        progress.say("loading CoreNLP");
        TextAnalyser analyser = new TextAnalyser();
        RedactionSuite.Figures r = RedactionSuite.run(RedactionSuite.read(home.resolve("suites/redaction.txt")),
                analyser, new Redactor());
        r.misses().forEach(m -> out.println("MISSED  " + m.expected() + "  in: " + m.text()));
        r.falseAlarms().forEach(m -> out.println("EXTRA   " + m.expected() + "  in: " + m.text()));
        out.printf(Locale.ROOT, "redaction: %d cases, %d spans expected, recall %.3f (%d/%d), precision %.3f (%d/%d), kind right %d%n",
                r.cases(), r.expected(), r.recall(), r.found(), r.expected(), r.precision(), r.correct(), r.proposed(), r.kindRight());
        SafeguardingCheck rulesOnly = new SafeguardingCheck();
        SafeguardingSuite.Figures s = SafeguardingSuite.run(SafeguardingSuite.read(home.resolve("suites/safeguarding.tsv")),
                text -> rulesOnly.assess(text, null));
        Path sgModel = home.resolve("models/safeguarding");
        if (java.nio.file.Files.exists(sgModel.resolve(ModelStore.MANIFEST))) {
            TextModel model = ModelStore.load(sgModel);
            SafeguardingCheck combined = new SafeguardingCheck(model, model.manifest().labels().get(0).threshold());
            Featuriser featuriser = new Featuriser();
            SafeguardingSuite.Figures c = SafeguardingSuite.run(SafeguardingSuite.read(home.resolve("suites/safeguarding.tsv")),
                    text -> combined.assess(analyser.analyse(text), featuriser));
            c.alarms().forEach(m -> out.println("ALARM (rules+classifier)  " + m));
            out.printf(Locale.ROOT, "safeguarding (rules+classifier %s): recall %.3f (%d/%d), precision %.3f, false alarms %d%n",
                    model.manifest().version(), c.recall(), c.caught(), c.positives(), c.precision(), c.falseAlarms());
        }
        s.missed().forEach(m -> out.println("MISSED  " + m));
        s.alarms().forEach(m -> out.println("ALARM   " + m));
        out.printf(Locale.ROOT, "safeguarding (rules): %d risk, %d none, recall %.3f (%d/%d), precision %.3f, false alarms %d%n",
                s.positives(), s.negatives(), s.recall(), s.caught(), s.positives(), s.precision(), s.falseAlarms());
    }
}
