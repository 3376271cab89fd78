package org.yousaid.tagging.engine;

/**
 * A label's probability for one text; whether it passed the label's threshold ({@code given}); and,
 * when it did not but came close enough that held-out texts there were often right, that it is
 * offered to a person as a suggestion ({@code suggested}) rather than given or dropped silently.
 */
public record ThemeScore(String label, double probability, boolean given, boolean suggested) {
}
