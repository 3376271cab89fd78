package org.yousaid.tagging.engine;

/**
 * One token of an analysed text: the word as written, its lemma, part of speech and CoreNLP's
 * named-entity class ("PERSON", "LOCATION", "ORGANIZATION" or "O"), with character offsets into
 * the original text so redaction spans point at what the family actually typed.
 */
public record Token(String word, String lemma, String pos, String ner, int begin, int end, int sentence) {

    public boolean isCapitalised() {
        return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
    }

    public String lower() {
        return word.toLowerCase(java.util.Locale.ROOT);
    }
}
