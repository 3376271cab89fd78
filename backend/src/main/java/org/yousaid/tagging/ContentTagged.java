package org.yousaid.tagging;

import org.yousaid.content.ContentRef;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.UUID;

/**
 * Tagging stored new results for a text: the themes given, the sentiment and the safeguarding flag
 * (no text, no spans). Published inside the storing transaction, so a listener's copy (moderation
 * filters its queue by these) never disagrees with the stored tags.
 */
public record ContentTagged(ContentRef ref, List<String> themes, @Nullable Integer sentiment, boolean flagged,
                            String modelVersion) {
}
