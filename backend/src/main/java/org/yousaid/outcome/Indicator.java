package org.yousaid.outcome;

import org.yousaid.shared.IndicatorMeasures;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.UUID;

/** How an outcome is measured: its RBA kind, unit, polarity, the period it is kept by, baseline and target. */
@MappedEntity("indicators")
record Indicator(String areaId, @Id UUID id, UUID outcomeId, String title, String kind, String unit, String polarity,
                 String periodKind, @Nullable String baselinePeriod, @Nullable Double baselineValue,
                 @Nullable String targetPeriod, @Nullable Double targetValue,
                 @Nullable @TypeDef(type = DataType.JSON) IndicatorMeasures.Measure computed) {
}
