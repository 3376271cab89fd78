package org.yousaid.tagging;

import org.yousaid.content.ContentSource;
import org.yousaid.content.ContentSources;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.area.AreaAccess;
import org.yousaid.content.ContentType;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.shared.AuditLog;
import org.yousaid.tagging.TaggingViews.ContentAnalysis;
import org.yousaid.tagging.TaggingViews.RetagResult;
import org.yousaid.tagging.TaggingViews.TaggingStatus;

/**
 * Tagging results and the queue's health. The analysis methods check no role: their caller
 * (moderation) has already required a moderator; the status and re-tag methods are for forum leads
 * and area admins.
 */
@Singleton
public class TaggingService {

    private static final Logger LOG = LoggerFactory.getLogger(TaggingService.class);

    private final AreaAccess access;
    private final TaggingJobs jobs;
    private final TagStore tags;
    private final ThemeTagger tagger;
    private final AuditLog audit;
    private final Clock clock;
    private final ContentSources contents;
    private final EmbeddingRepository embeddingRepository;
    private final ThemeModelRepository themeModels;

    TaggingService(AreaAccess access, TaggingJobs jobs, TagStore tags, ThemeTagger tagger, AuditLog audit, Clock clock,
                   ContentSources contents, EmbeddingRepository embeddingRepository,
                   ThemeModelRepository themeModels) {
        this.themeModels = themeModels;
        this.embeddingRepository = embeddingRepository;
        this.access = access;
        this.jobs = jobs;
        this.tags = tags;
        this.tagger = tagger;
        this.audit = audit;
        this.clock = clock;
        this.contents = contents;
    }

    /** Analyses of the given content, keyed by id (for a moderation queue page). */
    @Transactional
    public Map<UUID, ContentAnalysis> analyses(String areaId, ContentType contentType, Collection<UUID> ids) {
        Map<UUID, TagStore.Stored> stored = tags.find(areaId, contentType, ids);
        Map<UUID, String> states = jobs.latestStates(areaId, contentType, ids);
        Map<UUID, ContentAnalysis> result = new LinkedHashMap<>();
        for (UUID id : ids) {
            TagStore.Stored s = stored.get(id);
            String state = states.getOrDefault(id, "none");
            result.put(id, new ContentAnalysis(contentType, id, state, s == null ? null : s.taggedAt(),
                    s == null ? null : s.tags()));
        }
        return result;
    }

    @Transactional
    public ContentAnalysis analysis(String areaId, ContentType contentType, UUID id) {
        return analyses(areaId, contentType, List.of(id)).get(id);
    }

    /** The stored sentence embeddings of these texts, by id (texts not tagged yet have none). */
    @Transactional
    public Map<UUID, float[]> embeddings(String areaId, ContentType contentType, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, float[]> found = new LinkedHashMap<>();
        embeddingRepository.find(areaId, contentType, ids).forEach(e -> found.put(e.contentId(), e.embedding()));
        return found;
    }

    /** The shipped taxonomy the models give themes from. */
    public List<ShippedTheme> taxonomy() {
        return tagger.taxonomy();
    }

    /** Queues one text for tagging again; harmless when it is queued already. */
    @Transactional
    public void retagOne(String areaId, ContentType contentType, UUID id) {
        jobs.enqueue(areaId, contentType, id, "retag", clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    @Transactional
    TaggingStatus status(Caller caller, String areaId) {
        access.require(caller, areaId, Role.FORUM_LEAD, Role.AREA_ADMIN);
        Map<String, Integer> counts = jobs.countsByState(areaId);
        return new TaggingStatus(modelVersion(areaId), counts.get("queued"), counts.get("running"), counts.get("done"),
                counts.get("failed"), jobs.failed(areaId, 50));
    }

    /**
     * Queues every piece of content in the area whose tags came from another model version, has none
     * yet, or whose last job failed. Content with a live job is not queued twice.
     */
    @Transactional
    RetagResult retag(Caller caller, String areaId) {
        CurrentUser admin = access.require(caller, areaId, Role.FORUM_LEAD, Role.AREA_ADMIN);
        String version = modelVersion(areaId);
        int queued = queueRetag(areaId, version);
        audit.record(areaId, admin.uid(), "tagging.retag", null, null,
                Map.of("modelVersion", version, "queued", Integer.toString(queued)));
        LOG.info("tagging.retag area={} queued={} model={}", areaId, queued, version);
        return new RetagResult(version, queued);
    }

    /** The version the area's texts are tagged with now: its retrained theme model's, or the shipped one's. */
    String modelVersion(String areaId) {
        return tagger.modelVersion(themeModels.active(areaId).map(ActiveThemeModel::version).orElse(null));
    }

    /** Queues what {@link #retag} queues, in the caller's transaction; returns how many jobs. */
    int queueRetag(String areaId, String version) {
        int queued = 0;
        for (ContentSource source : contents.all()) {
            ContentType contentType = source.type();
            Set<UUID> ids = new LinkedHashSet<>(tags.taggedWithOtherVersion(areaId, contentType, version));
            List<UUID> taggable = source.withText(areaId);
            Set<UUID> tagged = tags.find(areaId, contentType, taggable).keySet();
            taggable.stream().filter(id -> !tagged.contains(id)).forEach(ids::add);
            ids.retainAll(Set.copyOf(taggable));
            for (UUID id : ids) {
                if (jobs.enqueue(areaId, contentType, id, "retag", clock.instant().truncatedTo(ChronoUnit.MICROS))) {
                    queued++;
                }
            }
        }
        return queued;
    }
}
