package org.yousaid.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A "you said, we did" as stored: its words, the period and themes it answers, what it aims to move, where it stands. */
@MappedEntity("responses")
record ResponseRow(String areaId, @Id UUID id, String status, int version, String title, String summary, String weDid,
                   @Nullable String easyRead, @TypeDef(type = DataType.STRING_ARRAY) String[] themes, LocalDate periodFrom,
                   LocalDate periodTo, @TypeDef(type = DataType.JSON) Aims aims, int families, @Nullable Integer reached,
                   @Nullable Integer revision, String createdBy, Instant createdAt, @Nullable Instant publishedAt,
                   @Nullable Instant updatedAt) {

    static final String DRAFT = "draft";
    static final String AWAITING_SIGN_OFF = "awaiting_sign_off";
    static final String CHANGES_REQUESTED = "changes_requested";
    static final String SIGNED_OFF = "signed_off";
    static final String PUBLISHED = "published";

    boolean published() {
        return PUBLISHED.equals(status);
    }

    List<String> themeList() {
        return List.of(themes);
    }
}
