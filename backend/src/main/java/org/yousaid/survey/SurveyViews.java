package org.yousaid.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class SurveyViews {

    private SurveyViews() {
    }

    @Serdeable
    public record TemplateSummary(String id, String title, String kind, @Nullable String description, int questions) {
    }

    @Serdeable
    public record TemplateList(List<TemplateSummary> items) {
    }

    @Serdeable
    public record Template(String id, JsonNode definition) {
    }

    /** Either a shipped template's id or a definition of one's own. */
    @Serdeable
    public record CreateSurveyRequest(@Nullable String templateId, @Nullable JsonNode definition) {
    }

    @Serdeable
    public record DraftRequest(@Nullable JsonNode definition) {
    }

    @Serdeable
    public record VersionView(int version, String status, Instant createdAt, @Nullable Instant publishedAt,
                       @Nullable Instant retiredAt, JsonNode definition) {
    }

    /** Which view of a survey a response is (the contract's discriminator). */
    static final String EDITOR = "editor";
    static final String RESPONDENT = "respondent";

    /** A survey as its editors (forum leads, commissioners) see it: every version. */
    @Serdeable
    public record SurveyView(String view, UUID id, String areaId, String kind, String title, Instant createdAt,
                      @Nullable Integer publishedVersion, @Nullable Integer draftVersion, List<VersionView> versions) {
    }

    /** A survey in the editors' list: no definitions (a list of every version's definition grew without bound). */
    @Serdeable
    public record SurveySummary(UUID id, String areaId, String kind, String title, Instant createdAt,
                         @Nullable Integer publishedVersion, @Nullable Integer draftVersion) {
    }

    /** A survey as a family sees it: only the version to answer now. */
    @Serdeable
    public record PublishedSurvey(String view, UUID id, String areaId, String kind, int version, JsonNode definition) {
    }

    @Serdeable
    public record SurveyList(String view, List<SurveySummary> items, @Nullable String nextCursor) {
    }

    @Serdeable
    public record PublishedSurveyList(String view, List<PublishedSurvey> items, @Nullable String nextCursor) {
    }
}
