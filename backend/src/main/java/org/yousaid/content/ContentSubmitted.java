package org.yousaid.content;

import java.time.Instant;

/**
 * A family's text was accepted (once, never for a retry), or submitted again after its author was
 * asked to change it. Published inside the submitting transaction: tagging queues it and moderation
 * opens its review in the same commit, so no text is stored without either. Carries no text.
 */
public record ContentSubmitted(ContentRef ref, String authorRole, Instant submittedAt) {
}
