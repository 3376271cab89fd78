package org.yousaid.shared;

import java.text.Normalizer;

/**
 * The one definition of free text a person typed (wall comments, free-text survey answers, reasons
 * shown to authors): NFC-normalised so the same words typed on two phones compare equal, line
 * endings made \n, trimmed; line breaks and tabs are fine, other control characters and
 * bidirectional overrides (which can disguise text) are not.
 */
public final class FamilyText {

    private FamilyText() {
    }

    public static String clean(String raw) {
        return Normalizer.normalize(raw.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC).strip();
    }

    /** The cleaned text when it has something visible, at most {@code max} characters and nothing refused. */
    public static java.util.Optional<String> accepted(@io.micronaut.core.annotation.Nullable String raw, int max) {
        String text = raw == null ? "" : clean(raw);
        boolean ok = !isBlank(text) && length(text) <= max && !hasRefusedCharacters(text);
        return ok ? java.util.Optional.of(text) : java.util.Optional.empty();
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * True when nothing in the text can be seen: only spaces, zero-width and format characters,
     * lone combining marks or the "filler" letters some keyboards use to post an empty message.
     */
    public static boolean isBlank(String text) {
        return text.codePoints().allMatch(FamilyText::isInvisible);
    }

    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.FORMAT
                || type == Character.CONTROL || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800;
    }

    public static boolean hasRefusedCharacters(String text) {
        return text.codePoints().anyMatch(FamilyText::isRefused);
    }

    private static boolean isRefused(int cp) {
        if (cp == '\n' || cp == '\t') {
            return false;
        }
        int type = Character.getType(cp);
        boolean bidiOverride = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
        return type == Character.CONTROL || type == Character.SURROGATE || bidiOverride || cp == 0x2028 || cp == 0x2029;
    }
}
