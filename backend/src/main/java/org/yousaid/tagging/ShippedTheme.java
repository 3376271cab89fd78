package org.yousaid.tagging;

import io.micronaut.core.annotation.Nullable;

/** A theme of the shipped SEND taxonomy the models were trained on. */
public record ShippedTheme(String id, String name, @Nullable String description) {
}
