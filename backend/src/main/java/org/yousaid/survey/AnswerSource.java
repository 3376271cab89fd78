package org.yousaid.survey;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.yousaid.content.ContentRef;
import org.yousaid.content.ContentSource;
import org.yousaid.content.ContentSubmitted;
import org.yousaid.content.ContentType;

/**
 * Free-text survey answers are family text like wall comments. A submitted answer set with free
 * text (its free-text answers, joined, are one text: see {@link SurveyAnswerTexts}) is announced as
 * submitted content in the submitting transaction, so tagging and moderation take it up; they and
 * the loop read it here. A survey answer is shown to no one but its family and the forum leads
 * reviewing it unless the family agreed to be quoted (without their name).
 */
@Singleton
final class AnswerSource implements ContentSource {

    private final AnswerRepository answers;
    private final SurveyAnswerTexts texts;
    private final ApplicationEventPublisher<ContentSubmitted> submitted;
    private final boolean keepStructured;

    AnswerSource(AnswerRepository answers, SurveyAnswerTexts texts,
                 ApplicationEventPublisher<ContentSubmitted> submitted,
                 @Value("${yousaid.retention.keep-structured-answers:true}") boolean keepStructured) {
        this.answers = answers;
        this.texts = texts;
        this.submitted = submitted;
        this.keepStructured = keepStructured;
    }

    @EventListener
    void onAnswered(SurveyAnswered event) {
        SurveyAnswer a = event.answer();
        if (texts.text(a, event.definition()).isPresent()) {
            submitted.publishEvent(new ContentSubmitted(ContentRef.surveyAnswer(a.areaId(), a.id()), a.respondentRole(),
                    a.submittedAt()));
        }
    }

    @Override
    public ContentType type() {
        return ContentType.SURVEY_ANSWER;
    }

    @Override
    public Map<UUID, String> texts(String areaId, Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : texts.texts(answers.findAmong(areaId, ids));
    }

    @Override
    public List<UUID> withText(String areaId) {
        List<UUID> submittedIds = answers.submittedIds(areaId);
        Set<UUID> withText = texts(areaId, submittedIds).keySet();
        return submittedIds.stream().filter(withText::contains).toList();
    }

    @Override
    public Set<UUID> quotable(String areaId, Collection<UUID> ids) {
        return ids.isEmpty() ? Set.of() : Set.copyOf(answers.quotable(areaId, ids));
    }

    @Override
    public List<Voice> voices(String areaId, Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : answers.voiceRows(areaId, ids).stream()
                .map(r -> new Voice(r.contentId(), r.uid(), r.author())).toList();
    }

    @Override
    public List<Authored> authoredBy(String areaId, String uid) {
        List<AnswerRepository.Held> held = answers.heldFor(areaId, uid);
        Map<UUID, SurveyAnswer> full = new LinkedHashMap<>();
        answers.findAmong(areaId, held.stream().map(AnswerRepository.Held::id).toList()).forEach(a -> full.put(a.id(), a));
        Map<UUID, String> words = texts.texts(full.values());
        List<Authored> found = new ArrayList<>();
        for (AnswerRepository.Held h : held) {
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("surveyId", h.surveyId());
            about.put("surveyVersion", h.version());
            about.put("answers", texts.answers(full.get(h.id())));
            about.put("quoteConsent", h.quoteConsent());
            found.add(new Authored(h.id(), h.status(), h.respondentRole(), h.submittedAt() != null ? h.submittedAt() : h.startedAt(),
                    words.get(h.id()), null, null, h.quoteConsentAt(), about));
        }
        return found;
    }

    /**
     * Partial answer sets go entirely; a submitted one keeps its structured answers as an
     * anonymous count when the retention policy says so ({@code yousaid.retention.keep-structured-answers}).
     */
    @Override
    public List<UUID> erase(String areaId, String uid, Instant at) {
        List<UUID> erased = new ArrayList<>(answers.partialOf(areaId, uid));
        answers.deletePartial(areaId, uid);
        for (SurveyAnswer a : answers.findAmong(areaId, answers.heldFor(areaId, uid).stream().map(AnswerRepository.Held::id).toList())) {
            answers.erase(areaId, a.id(), texts.withoutWords(a, keepStructured), at);
            erased.add(a.id());
        }
        return erased;
    }

    @Override
    public List<UUID> purgeWords(String areaId, Collection<UUID> ids, Instant at) {
        List<UUID> purged = new ArrayList<>();
        for (SurveyAnswer a : answers.findAmong(areaId, ids)) {
            if (texts.text(a).isPresent()) {
                answers.purgeWords(areaId, a.id(), texts.withoutWords(a, true), at);
                purged.add(a.id());
            }
        }
        return purged;
    }
}
