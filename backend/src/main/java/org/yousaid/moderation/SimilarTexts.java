package org.yousaid.moderation;

import org.yousaid.content.ContentSources;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.yousaid.area.AreaAccess;
import org.yousaid.content.ContentType;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
import org.yousaid.tagging.TaggingService;

/**
 * "Forty families said the same thing": within a theme, the texts waiting or published that say the
 * same thing, grouped by how close their sentence embeddings are, each with the text nearest its
 * middle as its representative and its "me too" totals; the group with the most families behind it
 * (the distinct people who wrote or said "me too" to its texts) first.
 */
@Singleton
public class SimilarTexts {

    /** Cosine (all-MiniLM-L6-v2) to a group's centre for a text to join it: paraphrases, not just the same topic. */
    static final double SAME_THING = 0.6;
    static final int MAX_TEXTS = 1000;

    /** A text of a group and how many families said "me too" to it. */
    @Serdeable
    public record Member(ContentType contentType, UUID id, int meToo) {
    }

    /**
     * {@code families}: the distinct people behind the group, its texts' authors and those who said
     * "me too" to them, each counted once however many of its texts they wrote or seconded.
     */
    @Serdeable
    public record Group(int size, int meToo, int families, ReviewItem representative, List<Member> members) {
    }

    @Serdeable
    public record Groups(String theme, int texts, List<Group> items) {
    }

    private final AreaAccess access;
    private final ModerationItemRepository items;
    private final TaggingService tagging;
    private final ReviewViews views;
    private final ContentSources contents;

    SimilarTexts(AreaAccess access, ModerationItemRepository items, TaggingService tagging, ReviewViews views,
                 ContentSources contents) {
        this.contents = contents;
        this.access = access;
        this.items = items;
        this.tagging = tagging;
        this.views = views;
    }

    @Transactional
    public Groups groups(Caller caller, String areaId, String theme) {
        access.require(caller, areaId, Role.FORUM_LEAD);
        List<ModerationItem> rows = new ArrayList<>(items.withTheme(areaId, theme, MAX_TEXTS));
        rows.sort(Comparator.comparing(ModerationItem::submittedAt));
        Map<String, float[]> vectors = new HashMap<>();
        rows.stream().collect(Collectors.groupingBy(ModerationItem::contentType)).forEach((type, ofType) ->
                tagging.embeddings(areaId, type, ofType.stream().map(ModerationItem::contentId).toList())
                        .forEach((id, v) -> vectors.put(type.value() + id, v)));
        List<Cluster> clusters = new ArrayList<>();
        for (ModerationItem item : rows) {
            float[] v = vectors.get(item.contentType().value() + item.contentId());
            if (v == null) {
                continue;
            }
            Cluster best = null;
            double bestSimilarity = SAME_THING;
            for (Cluster c : clusters) {
                if (!c.agrees(polarity(item))) {
                    continue;
                }
                double similarity = c.similarity(v);
                if (similarity >= bestSimilarity) {
                    best = c;
                    bestSimilarity = similarity;
                }
            }
            if (best == null) {
                best = new Cluster();
                clusters.add(best);
            }
            best.add(item, v);
        }
        Map<String, Integer> meToos = new HashMap<>();
        rows.stream().collect(Collectors.groupingBy(ModerationItem::contentType)).forEach((type, ofType) ->
                contents.of(type).meToos(areaId, ofType.stream().map(ModerationItem::contentId).toList())
                        .forEach((id, n) -> meToos.put(type.value() + id, n)));
        Map<String, Set<String>> people = new HashMap<>();
        rows.stream().collect(Collectors.groupingBy(ModerationItem::contentType)).forEach((type, ofType) ->
                contents.of(type).voices(areaId, ofType.stream().map(ModerationItem::contentId).toList()).forEach(v ->
                        people.computeIfAbsent(type.value() + v.contentId(), k -> new HashSet<>()).add(v.uid())));
        List<Group> groups = new ArrayList<>();
        for (Cluster c : clusters) {
            List<Member> members = c.members.stream().map(m -> new Member(m.contentType(), m.contentId(),
                    meToos.getOrDefault(m.contentType().value() + m.contentId(), 0))).toList();
            int meToo = members.stream().mapToInt(Member::meToo).sum();
            Set<String> behind = new HashSet<>();
            c.members.forEach(m -> behind.addAll(people.getOrDefault(m.contentType().value() + m.contentId(), Set.of())));
            groups.add(new Group(members.size(), meToo, behind.size(), views.view(c.representative()), members));
        }
        // The group more families stand behind comes first; among equals, the one more wrote.
        groups.sort(Comparator.comparingInt(Group::families).thenComparingInt(Group::size).reversed());
        return new Groups(theme, (int) rows.stream().filter(r -> vectors.containsKey(r.contentType().value() + r.contentId())).count(), groups);
    }

    /**
     * Praise and complaint about the same service sit close in embedding space (the encoder hears the
     * topic, not the verdict), so texts of opposite sentiment never share a group: 1–2 is praise,
     * 4–5 complaint, 3 or unknown goes with either.
     */
    static int polarity(ModerationItem item) {
        Short s = item.sentiment();
        return s == null || s == 3 ? 0 : s <= 2 ? 1 : -1;
    }

    /** A group's members and the running sum of their embeddings (its centre's direction). */
    private static final class Cluster {
        private final List<ModerationItem> members = new ArrayList<>();
        private final List<float[]> vectors = new ArrayList<>();
        private float[] sum;
        private int polarity;

        boolean agrees(int other) {
            return polarity == 0 || other == 0 || polarity == other;
        }

        void add(ModerationItem item, float[] v) {
            if (polarity == 0) {
                polarity = polarity(item);
            }
            members.add(item);
            vectors.add(v);
            if (sum == null) {
                sum = v.clone();
            } else {
                for (int d = 0; d < v.length; d++) {
                    sum[d] += v[d];
                }
            }
        }

        double similarity(float[] v) {
            double dot = 0;
            double norm = 0;
            for (int d = 0; d < v.length; d++) {
                dot += sum[d] * v[d];
                norm += sum[d] * sum[d];
            }
            return norm == 0 ? 0 : dot / Math.sqrt(norm);
        }

        ModerationItem representative() {
            int best = 0;
            double bestSimilarity = -2;
            for (int i = 0; i < members.size(); i++) {
                double s = similarity(vectors.get(i));
                if (s > bestSimilarity) {
                    best = i;
                    bestSimilarity = s;
                }
            }
            return members.get(best);
        }
    }
}
