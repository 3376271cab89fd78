package org.yousaid.tagging.engine;

/** A label's probability for one text and whether it passed that label's threshold. */
public record ThemeScore(String label, double probability, boolean given) {
}
