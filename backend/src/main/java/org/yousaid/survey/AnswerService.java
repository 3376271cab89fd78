package org.yousaid.survey;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.content.ContentRef;
import org.yousaid.content.ContentType;
import org.yousaid.content.MyWords;
import org.yousaid.shared.Cursor;
import org.yousaid.shared.Cursors;
import org.yousaid.shared.IdempotencyKey;
import org.yousaid.shared.Page;
import org.yousaid.shared.ProblemException;
import org.yousaid.survey.AnswerViews.AnswerView;

/**
 * Families' answers, offline-safe as ODK Central does it: the phone makes the answer id, may save
 * partial answers and submit later (even after a newer version was published); submitting the same
 * answers again is a no-op, different ones under the same id are refused; answers to a retired or
 * unknown version get a clear 4xx. Answers are checked against their exact version.
 */
@Singleton
class AnswerService {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerService.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** The stored answer, and whether this call changed nothing (a resubmission). */
    record Saved(AnswerView answer, boolean created, boolean replayed) {
    }

    private final AreaAccess access;
    private final SurveyStore surveys;
    private final AnswerRepository answers;
    private final SurveyService surveyService;
    private final ApplicationEventPublisher<SurveyAnswered> answered;
    private final JsonMapper json;
    private final Clock clock;
    private final Cursors cursors;
    private final MyWords myWords;

    AnswerService(AreaAccess access, SurveyStore surveys, AnswerRepository answers, SurveyService surveyService,
                  ApplicationEventPublisher<SurveyAnswered> answered, JsonMapper json, Clock clock, Cursors cursors,
                  MyWords myWords) {
        this.myWords = myWords;
        this.cursors = cursors;
        this.access = access;
        this.surveys = surveys;
        this.answers = answers;
        this.surveyService = surveyService;
        this.answered = answered;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    Saved save(Caller caller, String areaId, UUID surveyId, UUID answerId, @Nullable Integer version,
               @Nullable Map<String, Object> given, boolean submit, boolean quoteConsent) {
        CurrentUser me = access.require(caller, areaId, Role.FAMILY, Role.YOUNG_PERSON);
        surveys.survey(areaId, surveyId).orElseThrow(SurveyService::notFound);
        if (version == null) {
            throw new ProblemException(SurveyProblem.ANSWER_INVALID, "Say which version of the survey these answers are for.",
                    Map.of("version", "required"));
        }
        SurveyVersion v = surveys.version(areaId, surveyId, version).orElseThrow(() -> SurveyService.versionNotFound(version));
        if (SurveyVersion.DRAFT.equals(v.status())) {
            throw new ProblemException(SurveyProblem.VERSION_NOT_PUBLISHED, "Version " + version + " is not published yet.");
        }
        Map<String, Object> values = given == null ? Map.of() : given;
        String answersJson = canonical(values);
        // Consent is part of what was submitted: the same answers with a different answer to it are different.
        String hash = quoteConsent
                ? IdempotencyKey.fingerprint(surveyId.toString(), Integer.toString(version), answersJson, "quoteConsent")
                : IdempotencyKey.fingerprint(surveyId.toString(), Integer.toString(version), answersJson);

        // Checked once, used by both orders below (a retired version takes no answers: nothing to check).
        SurveyDefinition definition = v.takesAnswers() ? surveyService.validatorless(v.definitionJson()) : null;
        Map<String, String> errors = definition == null ? Map.of()
                : AnswerRules.check(definition, values, submit, LocalDate.now(clock.withZone(UK)));
        if (definition != null && errors.isEmpty()) {
            // Most saves are a new answer set: insert it first, and read what is under the id only
            // when it is taken (a retry, a later save of a partial set, someone else's id).
            String status = submit ? SurveyAnswer.SUBMITTED : SurveyAnswer.PARTIAL;
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            if (answers.insertIfAbsent(areaId, answerId, surveyId, version, me.uid(), me.role().value(), status,
                    answersJson, submit ? hash : null, now, submit ? now : null, quoteConsent, quoteConsent ? now : null) == 1) {
                SurveyAnswer stored = new SurveyAnswer(areaId, answerId, surveyId, version, me.uid(), status, answersJson,
                        submit ? hash : null, now, now, submit ? now : null, me.role().value(), quoteConsent);
                return saved(stored, definition, true);
            }
        }
        var existing = answers.findForUpdate(areaId, answerId);
        if (existing.isPresent()) {
            SurveyAnswer a = existing.get();
            if (!a.isBy(me.uid()) || !a.surveyId().equals(surveyId)) {
                throw conflict();
            }
            if (SurveyAnswer.SUBMITTED.equals(a.status())) {
                if (submit && hash.equals(a.requestHash())) {
                    return new Saved(view(a), false, true);
                }
                throw conflict();
            }
        }
        if (!v.takesAnswers()) {
            throw new ProblemException(SurveyProblem.VERSION_RETIRED,
                    "Version " + version + " of this survey was retired and takes no more answers.");
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(SurveyProblem.ANSWER_INVALID,
                    "Some answers are not valid for version " + version + "; see errors (by question).", errors);
        }
        String status = submit ? SurveyAnswer.SUBMITTED : SurveyAnswer.PARTIAL;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean created = false;
        // What is stored, as stored: the answer set is not read back, here nor by the listeners.
        SurveyAnswer stored = new SurveyAnswer(areaId, answerId, surveyId, version, me.uid(), status, answersJson,
                submit ? hash : null, existing.map(SurveyAnswer::startedAt).orElse(now), now, submit ? now : null,
                existing.map(SurveyAnswer::respondentRole).orElse(me.role().value()), quoteConsent);
        if (existing.isEmpty()) {
            created = answers.insertIfAbsent(areaId, answerId, surveyId, version, me.uid(), me.role().value(), status,
                    answersJson, submit ? hash : null, now, submit ? now : null, quoteConsent, quoteConsent ? now : null) == 1;
            if (!created) {
                // Another request with this id won the race: decide against what it stored.
                return save(caller, areaId, surveyId, answerId, version, given, submit, quoteConsent);
            }
        } else {
            answers.update(areaId, answerId, version, status, answersJson, submit ? hash : null, now, submit ? now : null,
                    quoteConsent);
        }
        return saved(stored, definition, created);
    }

    /** What was just stored, told to whoever listens when submitted, as the phone is shown it. */
    private Saved saved(SurveyAnswer stored, SurveyDefinition definition, boolean created) {
        if (SurveyAnswer.SUBMITTED.equals(stored.status())) {
            answered.publishEvent(new SurveyAnswered(stored, definition));
            LOG.info("survey.answer.submit area={} survey={} answer={} version={}", stored.areaId(), stored.surveyId(),
                    stored.id(), stored.version());
        }
        // Saved just now: nothing has been decided about it nor done with it yet, so nobody is asked.
        return new Saved(view(stored, MyWords.Fate.UNSEEN), created, false);
    }

    @Transactional
    AnswerView get(Caller caller, String areaId, UUID answerId) {
        CurrentUser me = access.member(caller, areaId);
        return answers.find(areaId, answerId).filter(a -> a.isBy(me.uid())).map(this::view)
                .orElseThrow(() -> new ProblemException(SurveyProblem.ANSWER_NOT_FOUND, "There is no such answer of yours."));
    }

    @Transactional
    Page<AnswerView> mine(Caller caller, String areaId, @Nullable String cursor, int limit) {
        CurrentUser me = access.member(caller, areaId);
        Cursors.Listing listing = cursors.listing(caller.uid(), "my-answers", areaId);
        Cursor after = listing.after(cursor);
        List<SurveyAnswer> rows = answers.byRespondent(areaId, me.uid(), after, limit + 1);
        Map<UUID, MyWords.Fate> fates = myWords.of(areaId, me.uid(), ContentType.SURVEY_ANSWER,
                rows.stream().map(SurveyAnswer::id).toList());
        return listing.page(rows, limit, a -> new Cursor(a.updatedAt(), a.id()),
                a -> view(a, fates.getOrDefault(a.id(), MyWords.Fate.UNSEEN)));
    }

    private AnswerView view(SurveyAnswer a) {
        return view(a, myWords.of(a.areaId(), a.respondentUid(), ContentRef.surveyAnswer(a.areaId(), a.id())));
    }

    private AnswerView view(SurveyAnswer a, MyWords.Fate fate) {
        try {
            return new AnswerView(a.id(), a.surveyId(), a.areaId(), a.version(), a.status(),
                    json.readValue(a.answersJson(), JsonNode.class), a.quoteConsent(), a.startedAt(), a.updatedAt(),
                    a.submittedAt(), fate.signposting(), fate.whatHappened());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys sorted at every level, so the same answers always hash the same. */
    private String canonical(Map<String, Object> values) {
        try {
            return json.writeValueAsString(sorted(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AnswerService::sorted).toList();
        }
        return value;
    }

    private static ProblemException conflict() {
        return new ProblemException(SurveyProblem.ANSWER_CONFLICT,
                "Other answers were already submitted under this answer id; make a new id for a new answer set.");
    }
}
