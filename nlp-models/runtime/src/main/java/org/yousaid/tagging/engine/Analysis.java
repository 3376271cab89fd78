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

    /**
     * Every run of {@code size} consecutive sentences (one run, the whole text, when it has no more),
     * each an analysis of its own with offsets and sentence numbers counted from its start.
     */
    public List<Analysis> passages(int size) {
        List<Analysis> sentences = sentences();
        if (sentences.size() <= size) {
            return List.of(this);
        }
        List<List<Token>> bySentence = new ArrayList<>();
        for (Token t : tokens) {
            if (bySentence.isEmpty() || t.sentence() != bySentence.get(bySentence.size() - 1).get(0).sentence()) {
                bySentence.add(new ArrayList<>());
            }
            bySentence.get(bySentence.size() - 1).add(t);
        }
        List<Analysis> passages = new ArrayList<>();
        for (int first = 0; first + size <= bySentence.size(); first++) {
            List<Token> run = new ArrayList<>();
            bySentence.subList(first, first + size).forEach(run::addAll);
            passages.add(sentence(run));
        }
        return passages;
    }

    private Analysis sentence(List<Token> sentenceTokens) {
        int begin = sentenceTokens.get(0).begin();
        int end = sentenceTokens.get(sentenceTokens.size() - 1).end();
        int firstSentence = sentenceTokens.get(0).sentence();
        return new Analysis(text.substring(begin, end), sentenceTokens.stream()
                .map(t -> new Token(t.word(), t.lemma(), t.pos(), t.ner(), t.begin() - begin, t.end() - begin,
                        t.sentence() - firstSentence)).toList());
    }
}
