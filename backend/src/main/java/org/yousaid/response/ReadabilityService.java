package org.yousaid.response;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.yousaid.identity.Caller;
import org.yousaid.response.ResponseViews.Readability;
import org.yousaid.response.ResponseViews.ReadabilityFinding;
import org.yousaid.response.ResponseViews.ReadabilityScore;
import org.yousaid.tagging.PlainEnglish;

/** The plain-English check of a response's own words, in the order families read them. */
@Singleton
class ReadabilityService {

    private final ResponseService responses;
    private final ActionRepository actions;
    private final PlainEnglish plainEnglish;

    ReadabilityService(ResponseService responses, ActionRepository actions, PlainEnglish plainEnglish) {
        this.responses = responses;
        this.actions = actions;
        this.plainEnglish = plainEnglish;
    }

    Readability check(Caller caller, String areaId, UUID id) {
        ResponseRow r = responses.forStaff(caller, areaId, id);
        List<PlainEnglish.Field> fields = new ArrayList<>(List.of(new PlainEnglish.Field("title", r.title()),
                new PlainEnglish.Field("summary", r.summary()), new PlainEnglish.Field("weDid", r.weDid())));
        List<ActionRow> own = actions.of(areaId, List.of(id));
        for (int i = 0; i < own.size(); i++) {
            fields.add(new PlainEnglish.Field("action:" + (i + 1), own.get(i).text()));
        }
        PlainEnglish.Check check = plainEnglish.check(fields,
                r.easyRead() == null ? null : new PlainEnglish.Field("easyRead", r.easyRead()));
        return new Readability(score(check.main()), check.easyRead() == null ? null : score(check.easyRead()),
                check.findings().stream().map(f -> new ReadabilityFinding(f.kind(), f.field(), f.text(), f.suggestion())).toList());
    }

    private static ReadabilityScore score(PlainEnglish.Score s) {
        return new ReadabilityScore(s.score(), s.band(), s.words(), s.sentences(), s.wordsPerSentence());
    }
}
