package org.yousaid.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of a keyset-paginated list. */
@Serdeable
public record Page<T>(List<T> items, @Nullable String nextCursor) {
}
