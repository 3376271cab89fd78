package org.yousaid.tagging.engine;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * CoreNLP's light pipeline (tokenize, ssplit, pos, lemma, 3-class NER). Parsing, SUTime and the
 * numeric and fine-grained NER stages are off: together they cost ~20x the time and add nothing the
 * theme, sentiment and redaction models use (dates and numbers are caught by our own patterns).
 * One instance is safe to share between threads.
 */
public final class TextAnalyser {

    private final StanfordCoreNLP pipeline;

    public TextAnalyser() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        props.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.buildEntityMentions", "false");
        props.setProperty("tokenize.language", "en");
        props.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
        this.pipeline = new StanfordCoreNLP(props);
    }

    public Analysis analyse(String text) {
        Annotation document = new Annotation(text);
        pipeline.annotate(document);
        List<Token> tokens = new ArrayList<>();
        List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
        for (int s = 0; s < sentences.size(); s++) {
            for (CoreLabel label : sentences.get(s).get(CoreAnnotations.TokensAnnotation.class)) {
                String ner = label.ner();
                tokens.add(new Token(label.word(), label.lemma(), label.tag(), ner == null ? "O" : ner,
                        label.beginPosition(), label.endPosition(), s));
            }
        }
        return new Analysis(text, tokens);
    }
}
