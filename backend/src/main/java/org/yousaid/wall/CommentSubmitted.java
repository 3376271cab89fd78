package org.yousaid.wall;

import java.util.UUID;

/**
 * A family's comment was accepted (once, never for a retry). Tagging listens to it after commit;
 * it carries no text, so listeners read the comment through the wall's service.
 */
public record CommentSubmitted(String areaId, UUID commentId) {
}
