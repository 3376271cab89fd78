package org.yousaid.wall;

import io.micronaut.core.annotation.Introspected;
import java.util.UUID;

/** How many families said "me too" to one comment, and whether the reader is one of them. */
@Introspected
record MeTooCount(UUID commentId, long voices, boolean mine) {
}
