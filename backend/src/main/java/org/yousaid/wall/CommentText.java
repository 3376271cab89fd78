package org.yousaid.wall;

import java.text.Normalizer;
import org.yousaid.shared.ProblemException;

/**
 * What counts as a comment's text: NFC-normalised (so the same words typed on two phones compare
 * equal), trimmed, 1–2000 characters (code points), line breaks and tabs kept, other control
 * characters and bidirectional overrides refused.
 */
final class CommentText {

    static final int MAX_LENGTH = 2000;

    private CommentText() {
    }

    static String normalise(String raw) {
        if (raw == null) {
            throw new ProblemException(WallProblem.COMMENT_EMPTY, "Write something before sending.");
        }
        String text = Normalizer.normalize(raw.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC).strip();
        if (text.isEmpty()) {
            throw new ProblemException(WallProblem.COMMENT_EMPTY, "Write something before sending.");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            throw new ProblemException(WallProblem.COMMENT_TOO_LONG,
                    "A comment can be at most " + MAX_LENGTH + " characters; this one has " + length + ".");
        }
        boolean refused = text.codePoints().anyMatch(CommentText::isRefused);
        if (refused) {
            throw new ProblemException(WallProblem.COMMENT_CONTROL_CHARACTERS,
                    "The comment contains control characters; only letters, punctuation, emoji, line breaks and tabs are accepted.");
        }
        return text;
    }

    private static boolean isRefused(int cp) {
        if (cp == '\n' || cp == '\t') {
            return false;
        }
        int type = Character.getType(cp);
        boolean bidiOverride = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.UNASSIGNED && cp > 0x10FFFF
                || bidiOverride || cp == 0x2028 || cp == 0x2029;
    }
}
