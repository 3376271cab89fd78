package org.yousaid.tagging;

import java.util.UUID;

/** A leased job: what to tag, and how many attempts (this one included) it has had. */
record TaggingJob(String areaId, UUID id, String contentType, UUID contentId, int attempts) {
}
