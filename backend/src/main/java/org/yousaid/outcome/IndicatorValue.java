package org.yousaid.outcome;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One entry of an indicator's value for a period; {@code entry} counts corrections (1 = first entered). */
@MappedEntity("indicator_values")
record IndicatorValue(String areaId, @Id UUID indicatorId, String period, int entry, double value, String source,
                      @Nullable String note, String enteredBy, Instant enteredAt, boolean replaced) {
}
