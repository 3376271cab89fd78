package org.yousaid.content;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A published response that reached a family through one of their texts: how (cited, me_too, theme), and how far its actions have got. */
@Serdeable
@Introspected
public record Answered(UUID responseId, String title, Instant publishedAt, String how, int actions, int actionsDone) {
}
