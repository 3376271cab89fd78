package org.yousaid.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What was done or will be done, by whom and when, and how it is going. */
@MappedEntity("response_actions")
record ActionRow(String areaId, @Id UUID id, UUID responseId, int position, String text, String owner, LocalDate startsOn,
                 LocalDate dueOn, String status, int progress, @Nullable String reason, Instant createdAt,
                 Instant updatedAt, @Nullable Instant doneAt) {
}
