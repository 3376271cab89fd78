package org.yousaid.response;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A published text of a response; every edit after publishing adds one. */
@Introspected
record Revision(int revision, String title, String summary, String weDid, @Nullable String easyRead,
                @Nullable String changeNote, Instant publishedAt) {
}
