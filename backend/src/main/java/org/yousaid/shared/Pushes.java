package org.yousaid.shared;

import java.util.Map;

/**
 * How a feature below the push outbox asks for a push: call {@link #push} inside the transaction
 * that made the reason for it; it is sent after commit, and not at all if the transaction rolls
 * back. Implemented by the notify feature, so content features need not depend on it.
 */
public interface Pushes {

    /** Queues a push to every device {@code uid} registered in the area; returns how many. */
    int push(String areaId, String uid, String title, String body, Map<String, String> data);
}
