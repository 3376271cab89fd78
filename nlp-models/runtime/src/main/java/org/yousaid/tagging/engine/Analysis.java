package org.yousaid.tagging.engine;

import java.util.ArrayList;
import java.util.List;

/** A text after CoreNLP's light pipeline: the original string and its tokens in order. */
public record Analysis(String text, List<Token> tokens) {

    public Analysis {
        tokens = List.copyOf(tokens);
    }

    /**
     * The text's sentences as CoreNLP split them, each an analysis of its own (from its first token to
     * its last, offsets into the sentence), so a sentence is featurised without running CoreNLP again.
     */
    public List<Analysis> sentences() {
        List<Analysis> sentences = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t : tokens) {
            if (!current.isEmpty() && t.sentence() != current.get(0).sentence()) {
                sentences.add(sentence(current));
                current = new ArrayList<>();
            }
            current.add(t);
        }
        if (!current.isEmpty()) {
            sentences.add(sentence(current));
        }
        return sentences;
    }

    private Analysis sentence(List<Token> sentenceTokens) {
        int begin = sentenceTokens.get(0).begin();
        int end = sentenceTokens.get(sentenceTokens.size() - 1).end();
        return new Analysis(text.substring(begin, end), sentenceTokens.stream()
                .map(t -> new Token(t.word(), t.lemma(), t.pos(), t.ner(), t.begin() - begin, t.end() - begin, 0)).toList());
    }
}
