package org.yousaid.response;

import io.micronaut.core.annotation.Introspected;
import java.util.UUID;
import org.yousaid.content.ContentType;

/** A member a published response reached, through which of their words and how. */
@Introspected
record Reach(UUID responseId, String uid, ContentType contentType, UUID contentId, String how) {
}
