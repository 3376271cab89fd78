package org.yousaid.tagging;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

/** An area's theme model as stored: the zipped model directory. */
@MappedEntity("area_theme_models")
record PackedThemeModel(String areaId, @Id int number, @TypeDef(type = DataType.BYTE_ARRAY) byte[] model) {
}
