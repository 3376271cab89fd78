package org.yousaid.content;

/** The author took their words back; the feature has erased the text in the same transaction. */
public record ContentWithdrawn(ContentRef ref) {
}
