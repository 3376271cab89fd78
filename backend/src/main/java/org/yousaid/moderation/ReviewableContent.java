package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;
import org.yousaid.identity.CurrentUser;
import org.yousaid.shared.Cursor;

/**
 * What a feature implements so its content can be reviewed for publication (Decidim's
 * "Reportable"): the review decision lives with moderation, the content stays with its feature.
 * Implementations run inside the moderation service's transaction and check nothing about the
 * caller's role.
 */
public interface ReviewableContent extends ModeratedContent {

    /** Up to {@code limit} items waiting for review after the position, oldest first (submitted, id). */
    java.util.List<ReviewItem> pending(String areaId, @Nullable Cursor after, int limit);

    /**
     * Publishes, optionally with an edited text. Publishing again without a different text is a
     * no-op; otherwise a decided item is refused with {@link ModerationProblem}.
     */
    ReviewItem publish(CurrentUser moderator, UUID id, @Nullable String editedBody);

    ReviewItem reject(CurrentUser moderator, UUID id, String reason);
}
