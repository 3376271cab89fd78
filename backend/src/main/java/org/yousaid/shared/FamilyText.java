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

    public static int length(String text) {
        return text.codePointCount(0, text.length());
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
