package org.yousaid.response;

import org.yousaid.content.ContentSource;
import org.yousaid.content.ContentSources;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yousaid.area.AreaAccess;
import org.yousaid.content.ContentType;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.moderation.PublishedWords;
import org.yousaid.notify.Notifications;
import org.yousaid.response.ResponseViews.MyWords;
import org.yousaid.response.ResponseViews.ResponseToMe;
import org.yousaid.shared.AuditLog;
import org.yousaid.shared.Cursor;
import org.yousaid.shared.Cursors;
import org.yousaid.shared.Page;

/**
 * Closing the loop: who a response reached (the voices behind the words it cites, and everyone whose
 * words in its period were tagged with its themes), telling them once per event by push unless they
 * muted it, and showing each member what happened to what they said.
 */
@Singleton
class LoopService {

    static final String CITED = "cited";
    static final String ME_TOO = "me_too";
    static final String THEME = "theme";
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final AreaAccess access;
    private final LoopRepository loop;
    private final ResponseRepository responses;
    private final ResponseAssembler assembler;
    private final PublishedWords words;
    private final ContentSources contents;
    private final Notifications notifications;
    private final Cursors cursors;
    private final AuditLog audit;
    private final Clock clock;

    LoopService(AreaAccess access, LoopRepository loop, ResponseRepository responses, ResponseAssembler assembler,
                PublishedWords words, ContentSources contents, Notifications notifications, Cursors cursors,
                AuditLog audit, Clock clock) {
        this.access = access;
        this.loop = loop;
        this.responses = responses;
        this.assembler = assembler;
        this.words = words;
        this.contents = contents;
        this.notifications = notifications;
        this.cursors = cursors;
        this.audit = audit;
        this.clock = clock;
    }

    /** How many families stand behind {@code cited}: their authors and "me too"s, each counted once. */
    int families(String areaId, Collection<Citation> cited) {
        return (int) voicesOf(areaId, cited.stream().map(c -> new PublishedWords.Spoken(c.contentType(), c.contentId())).toList())
                .stream().map(ContentSource.Voice::uid).distinct().count();
    }

    /** Works out again who the response reaches (in the caller's transaction); returns how many members. */
    int reach(ResponseRow r) {
        String areaId = r.areaId();
        // A member's words are counted once per text, by the closest tie: cited, then "me too", then theme.
        Map<String, String[]> rows = new LinkedHashMap<>();
        List<PublishedWords.Spoken> cited = responses.citations(areaId, r.id()).stream()
                .map(c -> new PublishedWords.Spoken(c.contentType(), c.contentId())).toList();
        Map<UUID, String> typeOf = new java.util.HashMap<>();
        cited.forEach(s -> typeOf.put(s.contentId(), s.contentType().value()));
        for (ContentSource.Voice v : voicesOf(areaId, cited)) {
            rows.merge(v.uid() + "|" + v.contentId(), new String[]{v.uid(), typeOf.get(v.contentId()), v.contentId().toString(),
                    v.author() ? CITED : ME_TOO}, (a, b) -> CITED.equals(a[3]) ? a : b);
        }
        Instant from = r.periodFrom().atStartOfDay(ENGLAND).toInstant();
        Instant to = r.periodTo().plusDays(1).atStartOfDay(ENGLAND).toInstant();
        List<PublishedWords.Spoken> onThemes = words.onThemes(areaId, r.themeList(), from, to);
        onThemes.forEach(s -> typeOf.put(s.contentId(), s.contentType().value()));
        for (ContentSource.Voice v : voicesOf(areaId, onThemes)) {
            rows.putIfAbsent(v.uid() + "|" + v.contentId(),
                    new String[]{v.uid(), typeOf.get(v.contentId()), v.contentId().toString(), THEME});
        }
        loop.clearReach(areaId, r.id());
        List<String[]> all = new ArrayList<>(rows.values());
        for (int start = 0; start < all.size(); start += 5000) {
            List<String[]> chunk = all.subList(start, Math.min(all.size(), start + 5000));
            loop.reach(areaId, r.id(), column(chunk, 0), column(chunk, 1), column(chunk, 2), column(chunk, 3));
        }
        return loop.reached(areaId, r.id());
    }

    /**
     * Tells everyone the response reached about {@code event}, once each: a member already told about
     * this event (a retried request, an edit) is not told again; a member who muted these is noted, not pushed.
     */
    int tell(ResponseRow r, String event, String title, String body, Map<String, String> data, String actorUid) {
        UUID batch = UUID.randomUUID();
        int noted = loop.note(r.areaId(), event, r.id(), batch, now());
        List<String> uids = loop.toPush(r.areaId(), batch);
        int pushes = notifications.pushAll(r.areaId(), uids, title, body, data);
        if (noted > 0) {
            audit.record(r.areaId(), actorUid, "response.told", null, null, Map.of("response", r.id().toString(),
                    "event", event, "members", Integer.toString(noted), "pushed", Integer.toString(uids.size()),
                    "devices", Integer.toString(pushes)));
        }
        return uids.size();
    }

    @Transactional
    ResponseViews.LoopUpdates updates(Caller caller, String areaId) {
        CurrentUser me = access.member(caller, areaId);
        return new ResponseViews.LoopUpdates(loop.muted(areaId, me.uid()));
    }

    @Transactional
    ResponseViews.LoopUpdates setUpdates(Caller caller, String areaId, ResponseViews.LoopUpdates request) {
        CurrentUser me = access.member(caller, areaId);
        if (request == null || request.muted() == null) {
            throw new org.yousaid.shared.ProblemException(ResponseProblem.INVALID, "Say whether to mute: {\"muted\": true}.",
                    Map.of("muted", "true or false"));
        }
        if (request.muted()) {
            loop.mute(areaId, me.uid(), now());
        } else {
            loop.unmute(areaId, me.uid());
        }
        return new ResponseViews.LoopUpdates(request.muted());
    }

    /** The published responses that answer the caller's own words, newest first. */
    @Transactional
    Page<ResponseToMe> toMe(Caller caller, String areaId, @Nullable String cursor, int limit) {
        CurrentUser me = access.member(caller, areaId);
        Cursors.Listing listing = cursors.listing(me.uid(), "responses-to-me", areaId);
        Cursor after = listing.after(cursor);
        List<UUID> ids = loop.reachedMember(areaId, me.uid(), after == null ? END_OF_TIME : after.at(),
                after == null ? new UUID(-1L, -1L) : after.id(), limit + 1);
        if (ids.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Map<UUID, ResponseRow> rows = responses.findAll(areaId, ids).stream()
                .collect(Collectors.toMap(ResponseRow::id, Function.identity()));
        List<ResponseRow> ordered = ids.stream().map(rows::get).toList();
        Map<UUID, ResponseViews.ResponseSummary> summaries = assembler.summaries(areaId, ordered).stream()
                .collect(Collectors.toMap(ResponseViews.ResponseSummary::id, Function.identity()));
        Map<UUID, List<MyWords>> mine = loop.reachOf(areaId, me.uid(), ids).stream().collect(Collectors.groupingBy(
                Reach::responseId, Collectors.mapping(x -> new MyWords(x.contentType(), x.contentId(), x.how()), Collectors.toList())));
        return listing.page(ordered, limit, r -> new Cursor(r.publishedAt(), r.id()),
                r -> new ResponseToMe(summaries.get(r.id()), mine.getOrDefault(r.id(), List.of())));
    }

    private List<ContentSource.Voice> voicesOf(String areaId, List<PublishedWords.Spoken> spoken) {
        List<ContentSource.Voice> found = new ArrayList<>();
        Map<ContentType, Set<UUID>> byType = spoken.stream().collect(Collectors.groupingBy(PublishedWords.Spoken::contentType,
                Collectors.mapping(PublishedWords.Spoken::contentId, Collectors.toCollection(HashSet::new))));
        for (ContentSource source : contents.all()) {
            Set<UUID> ids = byType.getOrDefault(source.type(), Set.of());
            List<UUID> list = new ArrayList<>(ids);
            for (int start = 0; start < list.size(); start += 5000) {
                found.addAll(source.voices(areaId, list.subList(start, Math.min(list.size(), start + 5000))));
            }
        }
        return found;
    }

    private static String[] column(List<String[]> rows, int i) {
        return rows.stream().map(r -> r[i]).toArray(String[]::new);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static boolean isContentType(String value) {
        return ContentType.fromValue(value).isPresent();
    }
}
