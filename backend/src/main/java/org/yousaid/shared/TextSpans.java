package org.yousaid.shared;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Spans of a family's text as the contract counts them: Unicode code points, end exclusive, never
 * splitting a grapheme (an emoji with its skin tone or joiners, a flag, a letter with its combining
 * accents). Java strings count UTF-16 units, so a span counted in them could cut an emoji in half
 * and publish broken text; apps in Kotlin, Swift and TypeScript count differently again, and code
 * points are the one count they can all compute. Every span is widened, never narrowed, to whole
 * graphemes: taking out a little more is safe, leaving half a character in is not.
 */
public final class TextSpans {

    /** A span in code points, end exclusive. */
    public record Span(int begin, int end) {
    }

    private TextSpans() {
    }

    /** The text's length in code points. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** A span found in UTF-16 units (as Java and CoreNLP count), in code points, widened to whole graphemes. */
    public static Span fromChars(String text, int charBegin, int charEnd) {
        int[] whole = wholeGraphemes(text, charBegin, charEnd);
        return new Span(text.codePointCount(0, whole[0]), text.codePointCount(0, whole[1]));
    }

    /**
     * A span given in code points, widened to whole graphemes; callers check
     * {@code 0 <= begin < end <= length(text)} first.
     */
    public static Span whole(String text, int begin, int end) {
        return fromChars(text, charIndex(text, begin), charIndex(text, end));
    }

    /** The UTF-16 index of a code point offset (0 to {@link #length(String)}). */
    public static int charIndex(String text, int codePoint) {
        return text.offsetByCodePoints(0, codePoint);
    }

    private static int[] wholeGraphemes(String text, int begin, int end) {
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(text);
        int b = graphemes.isBoundary(begin) ? begin : graphemes.preceding(begin);
        int e = graphemes.isBoundary(end) ? end : graphemes.following(end);
        return new int[] {b, e};
    }
}
