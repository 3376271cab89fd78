package org.yousaid.response;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.util.UUID;
import org.yousaid.content.ContentType;

/** Words a response cites; texts cited as one group share its number. */
@Introspected
record Citation(ContentType contentType, UUID contentId, @Nullable Integer groupNo) {
}
