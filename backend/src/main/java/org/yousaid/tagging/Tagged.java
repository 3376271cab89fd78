package org.yousaid.tagging;

import io.micronaut.core.annotation.Nullable;

/** What tagging found in a text, with the text's sentence embedding (kept for grouping, never shown). */
public record Tagged(Tags tags, float @Nullable [] embedding) {
}
