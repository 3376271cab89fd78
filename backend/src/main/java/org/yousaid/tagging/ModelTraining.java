package org.yousaid.tagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One retraining of an area's theme model (without the model itself): who asked and when, the model
 * it was measured against, what it trained on, its before/after figures, and whether the area
 * switched to it.
 */
@MappedEntity("area_theme_models")
public record ModelTraining(
        String areaId,
        @Id int number,
        String status,
        String requestedBy,
        Instant requestedAt,
        @Nullable Instant finishedAt,
        String baseVersion,
        String dataSha256,
        @Nullable String version,
        @Nullable Integer corrections,
        @Nullable Integer heldBack,
        @Nullable @TypeDef(type = DataType.JSON) TrainingFigures figures,
        @Nullable String reason,
        boolean active) {

    static final String TRAINING = "training";
    static final String SWITCHED = "switched";
    static final String KEPT = "kept";
    static final String FAILED = "failed";

    /** Micro- and macro-F1 on some texts. */
    @Serdeable
    public record Figures(double microF1, double macroF1, int texts) {
    }

    /** The model in use ("before") and the candidate ("after") on the same texts. */
    @Serdeable
    public record BeforeAfter(Figures before, Figures after) {
    }

    @Serdeable
    public record TrainingFigures(BeforeAfter sendTest, BeforeAfter heldBackCorrections) {
    }
}
