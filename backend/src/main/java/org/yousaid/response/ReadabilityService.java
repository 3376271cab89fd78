package org.yousaid.response;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
import org.yousaid.response.ResponseViews.Readability;
import org.yousaid.response.ResponseViews.ReadabilityFinding;
import org.yousaid.response.ResponseViews.ReadabilityScore;
import org.yousaid.shared.FamilyText;
import org.yousaid.tagging.PlainEnglish;

/** The plain-English check of a response's own words, in the order families read them. */
@Singleton
public class ReadabilityService {

    private final ResponseService responses;
    private final ActionRepository actions;
    private final PlainEnglish plainEnglish;
    private final AreaAccess access;

    ReadabilityService(ResponseService responses, ActionRepository actions, PlainEnglish plainEnglish, AreaAccess access) {
        this.access = access;
        this.responses = responses;
        this.actions = actions;
        this.plainEnglish = plainEnglish;
    }

    public Readability check(Caller caller, String areaId, UUID id) {
        ResponseRow r = responses.forStaff(caller, areaId, id);
        return check(areaId, id, r.title(), r.summary(), r.weDid(), r.easyRead());
    }

    /**
     * The check of words not saved yet, as a commissioner types them ({@code id} null for a draft not
     * started): the same check as {@link #check(Caller, String, UUID)}, with the response's actions.
     */
    public Readability checkUnsaved(Caller caller, String areaId, @Nullable UUID id, @Nullable String title,
                                    @Nullable String summary, @Nullable String weDid, @Nullable String easyRead) {
        access.require(caller, areaId, Role.COMMISSIONER);
        if (id != null) {
            responses.forStaff(caller, areaId, id);
        }
        return check(areaId, id, title, summary, weDid, easyRead);
    }

    private Readability check(String areaId, @Nullable UUID id, @Nullable String title, @Nullable String summary,
                              @Nullable String weDid, @Nullable String easyRead) {
        List<PlainEnglish.Field> fields = new ArrayList<>();
        addIfWritten(fields, "title", title);
        addIfWritten(fields, "summary", summary);
        addIfWritten(fields, "weDid", weDid);
        List<ActionRow> own = id == null ? List.of() : actions.of(areaId, List.of(id));
        for (int i = 0; i < own.size(); i++) {
            fields.add(new PlainEnglish.Field("action:" + (i + 1), own.get(i).text()));
        }
        PlainEnglish.Check check = plainEnglish.check(fields,
                easyRead == null || FamilyText.isBlank(easyRead) ? null : new PlainEnglish.Field("easyRead", easyRead));
        return new Readability(score(check.main()), check.easyRead() == null ? null : score(check.easyRead()),
                check.findings().stream().map(f -> new ReadabilityFinding(f.kind(), f.field(), f.text(), f.suggestion())).toList());
    }

    private static void addIfWritten(List<PlainEnglish.Field> fields, String name, @Nullable String text) {
        if (text != null && !FamilyText.isBlank(text)) {
            fields.add(new PlainEnglish.Field(name, text));
        }
    }

    private static ReadabilityScore score(PlainEnglish.Score s) {
        return new ReadabilityScore(s.score(), s.band(), s.words(), s.sentences(), s.wordsPerSentence());
    }
}
