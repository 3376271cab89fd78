package org.yousaid.tagging;

import org.yousaid.content.ContentRef;

import java.time.Instant;
import java.util.UUID;

/**
 * Tagging found a possible safeguarding risk in a family's text. Published inside the transaction
 * that stores the tags, so the flag and whatever a listener records for a person to look at commit
 * together. Published on every flagged result (re-tagging included); listeners must be idempotent.
 * Carries no text: only the reasons' names ({@code self_harm_or_suicide}, …).
 */
public record ContentFlagged(ContentRef ref, String modelVersion, Instant flaggedAt, java.util.List<String> reasons) {
}
