package org.yousaid.tagging;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

/** The retrained theme model an area's tagging uses: its number, version and the themes it knows (no model bytes). */
@MappedEntity("area_theme_models")
record ActiveThemeModel(String areaId, @Id int number, String version,
                        @TypeDef(type = DataType.STRING_ARRAY) String[] themes) {
}
