package org.yousaid.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.yousaid.content.ContentType;
import org.yousaid.shared.CountTable;

/** What the responses API reads and writes (openapi.yaml, tag responses). */
public final class ResponseViews {

    private ResponseViews() {
    }

    @Serdeable
    public record ContentRefRequest(@Nullable String contentType, @Nullable UUID contentId) {
    }

    @Serdeable
    public record CitedGroupRequest(@Nullable List<ContentRefRequest> members) {
    }

    @Serdeable
    public record ResponseRequest(@Nullable String title, @Nullable String summary, @Nullable String weDid,
                           @Nullable String easyRead, @Nullable List<String> themes, @Nullable LocalDate from,
                           @Nullable LocalDate to, @Nullable List<UUID> comments, @Nullable List<UUID> answers,
                           @Nullable List<CitedGroupRequest> groups, @Nullable List<UUID> outcomes,
                           @Nullable List<UUID> indicators, @Nullable Integer version, @Nullable String changeNote) {
    }

    @Serdeable
    public record StepRequest(@Nullable Integer version, @Nullable String comment) {
    }

    @Serdeable
    public record ActionRequest(@Nullable String text, @Nullable String owner, @Nullable LocalDate startsOn,
                         @Nullable LocalDate dueOn) {
    }

    @Serdeable
    public record ActionProgressRequest(@Nullable String status, @Nullable Integer progress, @Nullable String reason,
                                 @Nullable String note) {
    }

    /** A count of families, withheld below 5: a small number could point at a family. */
    @Serdeable
    public record FamilyCount(@Nullable Integer count, boolean suppressed, String text) {

        static final int SMALLEST_SHOWN = 5;

        static FamilyCount toldUs(int n) {
            if (n == 0) {
                return new FamilyCount(0, false, "No family's words are cited yet");
            }
            return n < SMALLEST_SHOWN ? new FamilyCount(null, true, "Fewer than 5 families told us")
                    : new FamilyCount(n, false, n + " families told us");
        }

        /**
         * The families told, shown beside the families who told us (who are among them). When that
         * is withheld, this is too: "6 told" beside "fewer than 5 told us" bounds both ({@link CountTable}).
         */
        static FamilyCount reached(int n, int toldUs) {
            if (n == 0) {
                return new FamilyCount(0, false, "No families told yet");
            }
            if (n < SMALLEST_SHOWN) {
                return new FamilyCount(null, true, "Fewer than 5 families told");
            }
            boolean withheld = toldUs <= n ? CountTable.withRemainder(n, toldUs).totalWithheld() : CountTable.small(toldUs);
            return withheld ? new FamilyCount(null, true, "Families told: withheld, as it would show how many told us")
                    : new FamilyCount(n, false, n + " families told");
        }
    }

    @Serdeable
    public record CitedText(ContentType contentType, UUID contentId, String text, int meToo, boolean withdrawn) {

        /** What a response shows where it cited words their family has since taken back or had erased. */
        public static final String WORDS_WITHDRAWN = "Words withdrawn by the family.";

        static CitedText withdrawn(ContentType contentType, UUID contentId) {
            return new CitedText(contentType, contentId, WORDS_WITHDRAWN, 0, true);
        }
    }

    @Serdeable
    public record CitedGroup(int texts, CitedText representative) {
    }

    @Serdeable
    public record YouSaid(String summary, FamilyCount families, List<CitedText> comments, List<CitedGroup> groups,
                   List<CitedText> answers) {
    }

    @Serdeable
    public record MilestoneView(Instant at, String status, int progress, @Nullable String reason, @Nullable String note) {
    }

    @Serdeable
    public record ActionView(UUID id, String text, String owner, LocalDate startsOn, LocalDate dueOn, String status, int progress,
                      @Nullable String reason, Instant updatedAt, List<MilestoneView> milestones) {
    }

    /**
     * An action just added, with what adding it did to its response: one awaiting sign-off or signed off
     * went back to draft ({@code returnedToDraft}), so the forum must sign it off again.
     */
    @Serdeable
    public record AddedActionView(UUID id, String text, String owner, LocalDate startsOn, LocalDate dueOn, String status,
                           int progress, @Nullable String reason, Instant updatedAt, List<MilestoneView> milestones,
                           String responseStatus, boolean returnedToDraft) {

        static AddedActionView of(ActionView a, ReturnToDraft step) {
            return new AddedActionView(a.id(), a.text(), a.owner(), a.startsOn(), a.dueOn(), a.status(), a.progress(),
                    a.reason(), a.updatedAt(), a.milestones(), step.to(), step.returned());
        }
    }

    @Serdeable
    public record ActionSummary(UUID id, String text, String owner, LocalDate dueOn, String status, int progress) {
    }

    @Serdeable
    public record ThemeName(String id, String name) {
    }

    @Serdeable
    public record PeriodPoint(String period, double value) {
    }

    @Serdeable
    public record LinkedOutcome(UUID id, String title) {
    }

    @Serdeable
    public record LinkedIndicator(UUID id, UUID outcomeId, String title, String kind, String unit, @Nullable PeriodPoint latest,
                           @Nullable PeriodPoint target) {
    }

    @Serdeable
    public record SignOffView(String decision, @Nullable String comment, String by, Instant at) {
    }

    @Serdeable
    public record ResponseView(UUID id, String areaId, String status, int version, @Nullable Integer revision, String title,
                        List<ThemeName> themes, LocalDate from, LocalDate to, YouSaid youSaid, String weDid,
                        @Nullable String easyRead, List<ActionView> actions, List<LinkedOutcome> outcomes,
                        List<LinkedIndicator> indicators, List<SignOffView> signOffs, @Nullable FamilyCount reached,
                        Instant createdAt, @Nullable Instant publishedAt, boolean updated, @Nullable Instant updatedAt) {
    }

    @Serdeable
    public record ResponseSummary(UUID id, String status, String title, String summary, List<ThemeName> themes,
                           FamilyCount families, List<ActionSummary> actions, @Nullable Instant publishedAt,
                           boolean updated, @Nullable Instant updatedAt) {
    }

    @Serdeable
    public record MyWords(ContentType contentType, UUID contentId, String how) {
    }

    @Serdeable
    public record ResponseToMe(ResponseSummary response, List<MyWords> yourWords) {
    }

    @Serdeable
    public record RevisionView(int revision, Instant publishedAt, @Nullable String changeNote, String title, String summary,
                        String weDid, @Nullable String easyRead) {
    }

    @Serdeable
    public record Revisions(List<RevisionView> items) {
    }

    @Serdeable
    public record LoopUpdates(@Nullable Boolean muted) {
    }

    /** Published words a response may cite; {@code group} 0 when cited alone, null when not cited. */
    public record Citable(ContentType contentType, UUID contentId, String text, @Nullable Integer group) {
    }

    @Serdeable
    public record ReadabilityScore(double score, String band, int words, int sentences, double wordsPerSentence) {
    }

    @Serdeable
    public record ReadabilityFinding(String kind, String field, String text, String suggestion) {
    }

    @Serdeable
    public record Readability(ReadabilityScore main, @Nullable ReadabilityScore easyRead, List<ReadabilityFinding> findings) {
    }
}
