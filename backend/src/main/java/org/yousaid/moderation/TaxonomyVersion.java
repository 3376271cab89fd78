package org.yousaid.moderation;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;

/** One change of an area's taxonomy: its version, who made it, when, and what it was. */
@Serdeable
@MappedEntity("taxonomy_versions")
public record TaxonomyVersion(String areaId, @Id int version, Instant changedAt, String changedBy,
                       @TypeDef(type = DataType.JSON) Map<String, Object> change) {
}
