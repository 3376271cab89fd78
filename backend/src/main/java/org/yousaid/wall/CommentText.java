package org.yousaid.wall;

import org.yousaid.shared.FamilyText;
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
        String text = FamilyText.clean(raw);
        if (FamilyText.isBlank(text)) {
            throw new ProblemException(WallProblem.COMMENT_EMPTY, "Write something before sending.");
        }
        int length = FamilyText.length(text);
        if (length > MAX_LENGTH) {
            throw new ProblemException(WallProblem.COMMENT_TOO_LONG,
                    "A comment can be at most " + MAX_LENGTH + " characters; this one has " + length + ".");
        }
        if (FamilyText.hasRefusedCharacters(text)) {
            throw new ProblemException(WallProblem.COMMENT_CONTROL_CHARACTERS,
                    "The comment contains control characters; only letters, punctuation, emoji, line breaks and tabs are accepted.");
        }
        return text;
    }
}
