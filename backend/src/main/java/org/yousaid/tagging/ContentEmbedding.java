package org.yousaid.tagging;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.UUID;
import org.yousaid.content.ContentType;

@MappedEntity("content_embeddings")
record ContentEmbedding(String areaId, ContentType contentType, @Id UUID contentId,
                        @TypeDef(type = DataType.FLOAT_ARRAY) float[] embedding) {
}
