package org.yousaid.tagging.engine;

import java.util.List;

/** A text after CoreNLP's light pipeline: the original string and its tokens in order. */
public record Analysis(String text, List<Token> tokens) {

    public Analysis {
        tokens = List.copyOf(tokens);
    }
}
