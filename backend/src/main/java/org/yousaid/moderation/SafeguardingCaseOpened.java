package org.yousaid.moderation;

import org.yousaid.content.ContentRef;

import java.time.Instant;
import java.util.UUID;

/**
 * A safeguarding case was opened, published in the transaction that opened it. It names the case
 * and how critical tagging judged it, never the words or who wrote them: listeners tell staff that
 * a case waits, and the staff read it in the queue.
 */
public record SafeguardingCaseOpened(ContentRef ref, int criticality, Instant flaggedAt) {

    public String areaId() {
        return ref.areaId();
    }
}
