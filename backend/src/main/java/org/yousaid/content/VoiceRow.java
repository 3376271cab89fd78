package org.yousaid.content;

import io.micronaut.core.annotation.Introspected;
import java.util.UUID;

/** A row of a content feature's voices query. */
@Introspected
public record VoiceRow(UUID contentId, String uid, boolean author) {
}
