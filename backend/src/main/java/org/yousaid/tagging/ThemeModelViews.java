package org.yousaid.tagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** What forum leads see of their area's theme model and its retrainings. */
public final class ThemeModelViews {

    private ThemeModelViews() {
    }

    @Serdeable
    public record ThemeModels(Active active, List<Training> items, @Nullable String nextCursor) {
    }

    @Serdeable
    public record Active(String origin, @Nullable Integer training, String modelVersion, String themesVersion, Instant trainedAt,
                  int trainingTexts, ModelTraining.Figures heldOut, @Nullable ThemeTagger.ModelSummary.RealText realText,
                  List<ThemeTagger.ModelSummary.ThemeFigure> themes) {
    }

    @Serdeable
    public record Training(int number, String status, Instant requestedAt, @Nullable Instant finishedAt, String baseVersion,
                    @Nullable String version, @Nullable Integer corrections, @Nullable Integer heldBack,
                    @Nullable ModelTraining.BeforeAfter sendTest, @Nullable ModelTraining.BeforeAfter heldBackCorrections,
                    @Nullable String reason, boolean active) {

        static Training of(ModelTraining t) {
            return new Training(t.number(), t.status(), t.requestedAt(), t.finishedAt(), t.baseVersion(), t.version(),
                    t.corrections(), t.heldBack(), t.figures() == null ? null : t.figures().sendTest(),
                    t.figures() == null ? null : t.figures().heldBackCorrections(), t.reason(), t.active());
        }
    }
}
