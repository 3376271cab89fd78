package org.yousaid.tagging.engine;

import java.util.Set;

/**
 * One row of a labelled TSV: an id, the text, its labels (possibly none) and a sentiment from
 * 1 (very positive) to 5 (very negative), or null where nobody rated it.
 */
public record LabelledText(String id, String text, Set<String> labels, Integer sentiment) {

    public LabelledText {
        labels = Set.copyOf(labels);
    }
}
