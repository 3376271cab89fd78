package org.yousaid.content;

import java.time.Instant;

/**
 * A forum lead published a family's text (for a survey answer: approved it for quoting in reports).
 * {@code text} is exactly what was approved. Published in the deciding transaction; the wall listens
 * to show it.
 */
public record ContentPublished(ContentRef ref, String text, Instant publishedAt) {
}
