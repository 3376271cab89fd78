package org.yousaid.content;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Who spoke through a piece of family text: its author and, where families can second it, everyone
 * who said "me too". "You said, we did" tells each of them what was done; nobody else learns who
 * they are.
 */
public interface ContentVoices {

    ContentType contentType();

    /** Every voice behind each of {@code ids} that is not withdrawn. */
    List<Voice> voices(String areaId, Collection<UUID> ids);

    /** {@code author}: wrote it; otherwise said "me too" to it. */
    record Voice(UUID contentId, String uid, boolean author) {
    }
}
