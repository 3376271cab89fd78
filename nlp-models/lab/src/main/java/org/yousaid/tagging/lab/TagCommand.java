package org.yousaid.tagging.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.yousaid.tagging.engine.Progress;
import org.yousaid.tagging.engine.RedactionSpan;
import org.yousaid.tagging.engine.TagResult;
import org.yousaid.tagging.engine.Tagger;
import org.yousaid.tagging.engine.ThemeScore;

/**
 * {@code nlp tag}: one text per stdin line, one JSON object per stdout line: themes given (with
 * scores), themes the model is unsure of (suggestions, with scores), sentiment, redaction spans and the safeguarding flag with reasons.
 */
final class TagCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TagCommand() {
    }

    static void run(Path models, InputStream in, PrintStream out, Progress progress) throws IOException {
        progress.say("loading CoreNLP and models from %s", models);
        Tagger tagger = Tagger.load(models);
        progress.say("ready (%s)", tagger.version());
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            out.println(JSON.writeValueAsString(json(line, tagger.tag(line))));
            out.flush();
        }
    }

    static ObjectNode json(String text, TagResult result) {
        ObjectNode o = JSON.createObjectNode();
        o.put("text", text);
        o.put("modelVersion", result.modelVersion());
        ArrayNode themes = o.putArray("themes");
        result.themes().stream().filter(ThemeScore::given).forEach(t -> themes.addObject()
                .put("theme", t.label()).put("score", round(t.probability())));
        ArrayNode suggestions = o.putArray("suggestions");
        result.suggestedThemes().forEach(t -> suggestions.addObject()
                .put("theme", t.label()).put("score", round(t.probability())));
        if (result.sentiment() != null) {
            o.putObject("sentiment").put("value", result.sentiment().value())
                    .put("confidence", round(result.sentiment().probability()));
        }
        ArrayNode spans = o.putArray("redactions");
        for (RedactionSpan s : result.redactions()) {
            spans.addObject().put("begin", s.begin()).put("end", s.end()).put("kind", s.kind().name())
                    .put("text", text.substring(s.begin(), s.end()));
        }
        ObjectNode sg = o.putObject("safeguarding");
        sg.put("flagged", result.safeguarding().flagged());
        ArrayNode reasons = sg.putArray("reasons");
        result.safeguarding().findings().forEach(f -> reasons.addObject()
                .put("reason", f.reason().name()).put("evidence", f.evidence()));
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
