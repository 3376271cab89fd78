package org.yousaid.tagging;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.util.UUID;
import org.yousaid.content.ContentType;

/** A leased job: what to tag, and how many attempts (this one included) it has had. */
@MappedEntity("tagging_jobs")
record TaggingJob(String areaId, @Id UUID id, ContentType contentType, UUID contentId, int attempts) {
}
