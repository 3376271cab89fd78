package org.yousaid.tagging.engine;

import java.util.ArrayList;
import java.util.List;

/** A text after CoreNLP's light pipeline: the original string and its tokens in order. */
public record Analysis(String text, List<Token> tokens) {

    public Analysis {
        tokens = List.copyOf(tokens);
    }

    /** The text's sentences as CoreNLP split them, each from its first token to its last, as written. */
    public List<String> sentences() {
        List<String> sentences = new ArrayList<>();
        int begin = -1;
        int end = -1;
        int current = -1;
        for (Token t : tokens) {
            if (t.sentence() != current) {
                if (begin >= 0) {
                    sentences.add(text.substring(begin, end));
                }
                current = t.sentence();
                begin = t.begin();
            }
            end = t.end();
        }
        if (begin >= 0) {
            sentences.add(text.substring(begin, end));
        }
        return sentences;
    }
}
