package org.yousaid.moderation;

import java.time.Instant;
import java.util.UUID;

/**
 * A safeguarding case was opened, published in the transaction that opened it. It names the case
 * and how critical tagging judged it, never the words or who wrote them: listeners tell staff that
 * a case waits, and the staff read it in the queue.
 */
public record SafeguardingCaseOpened(String areaId, String contentType, UUID contentId, int criticality, Instant flaggedAt) {
}
