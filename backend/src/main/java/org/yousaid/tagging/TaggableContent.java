package org.yousaid.tagging;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a feature implements so its texts are tagged (wall comments now, free-text survey answers
 * next). Tagging knows content only through this, as moderation does through ReviewableContent.
 */
public interface TaggableContent {

    /** The content type stored with jobs and tags, e.g. {@code comment}. */
    String contentType();

    /** The text to tag, or empty when it is gone (withdrawn by its author). */
    Optional<String> text(String areaId, UUID id);

    /** Every id in the area that still has text to tag (for re-tagging with a new model). */
    List<UUID> taggable(String areaId);
}
