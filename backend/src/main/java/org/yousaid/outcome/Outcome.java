package org.yousaid.outcome;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.util.UUID;

/** One outcome the area aims at, in the order its commissioners set. */
@MappedEntity("outcomes")
record Outcome(String areaId, @Id UUID id, String title, @Nullable String description, int position) {
}
