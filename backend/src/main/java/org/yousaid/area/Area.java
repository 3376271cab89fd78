package org.yousaid.area;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("areas")
record Area(@Id String id, String name, Instant createdAt) {
}
