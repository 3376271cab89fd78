package org.yousaid.moderation;

import io.micronaut.core.annotation.Introspected;

/** One row of the queue's counts: a filter, one of its values, and how many items it would show. */
@Introspected
record FacetCount(String facet, String value, long items) {
}
