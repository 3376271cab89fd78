package org.yousaid.wall;

import java.util.UUID;

/** The author took a comment back (its text is already erased in the same transaction). */
public record CommentWithdrawn(String areaId, UUID commentId) {
}
