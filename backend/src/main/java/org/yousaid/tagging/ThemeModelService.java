package org.yousaid.tagging;

import org.yousaid.content.ContentSource;
import org.yousaid.content.ContentSources;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.shared.AuditLog;
import org.yousaid.shared.Cursors;
import org.yousaid.shared.Page;
import org.yousaid.shared.ProblemException;

/**
 * Retrains an area's theme model from its forum leads' corrections, in the background: the
 * candidate is measured against the model in use on the SEND test file and on corrections held back
 * from training, and the area switches (and re-tags everything) only if it is not worse. One
 * retraining at a time per area; each is kept with its figures, and audited.
 */
@Singleton
public class ThemeModelService {

    private static final Logger LOG = LoggerFactory.getLogger(ThemeModelService.class);

    /** Fewer than this and the held-back fifth is one or two texts: a figure on that says nothing. */
    static final int MIN_CORRECTIONS = 10;
    /** Every fifth correction, oldest first, is held back to measure on, never trained on. */
    static final int HOLD_BACK_EVERY = 5;
    /** Training takes about a minute; one still "training" after this died with its server. */
    static final Duration STALE_AFTER = Duration.ofMinutes(30);

    private final AreaAccess access;
    private final ThemeModelRepository models;
    private final AreaModels areaModels;
    private final ThemeTagger tagger;
    private final TaggingService tagging;
    private final AreaThemes areaThemes;
    private final ContentSources contents;
    private final AuditLog audit;
    private final Cursors cursors;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "theme-model-training");
        t.setDaemon(true);
        return t;
    });

    ThemeModelService(AreaAccess access, ThemeModelRepository models, AreaModels areaModels, ThemeTagger tagger,
                      TaggingService tagging,
                      AreaThemes areaThemes, ContentSources contents, AuditLog audit, Cursors cursors, Clock clock,
                      TransactionOperations<Connection> transactions) {
        this.access = access;
        this.models = models;
        this.areaModels = areaModels;
        this.tagger = tagger;
        this.tagging = tagging;
        this.areaThemes = areaThemes;
        this.contents = contents;
        this.audit = audit;
        this.cursors = cursors;
        this.clock = clock;
        this.transactions = transactions;
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        trainer.shutdownNow();
    }

    public ThemeModelViews.ThemeModels models(Caller caller, String areaId, @Nullable String cursor, int limit) {
        return transactions.executeWrite(status -> {
            access.require(caller, areaId, Role.FORUM_LEAD, Role.AREA_ADMIN);
            models.abandonStale(areaId, now().minus(STALE_AFTER), now());
            Cursors.Listing listing = cursors.listing(caller.uid(), "theme-models", areaId);
            String after = listing.afterKey(cursor);
            int before = after == null ? Integer.MAX_VALUE : Integer.parseInt(after);
            Page<ThemeModelViews.Training> page = listing.pageByKey(models.page(areaId, before, limit + 1), limit,
                    t -> Integer.toString(t.number()), ThemeModelViews.Training::of);
            return new ThemeModelViews.ThemeModels(active(areaId), page.items(), page.nextCursor());
        });
    }

    public ThemeModelViews.Training training(Caller caller, String areaId, int number) {
        return transactions.executeWrite(status -> {
            access.require(caller, areaId, Role.FORUM_LEAD, Role.AREA_ADMIN);
            models.abandonStale(areaId, now().minus(STALE_AFTER), now());
            return models.find(areaId, number).map(ThemeModelViews.Training::of).orElseThrow(() ->
                    new ProblemException(TaggingProblem.TRAINING_NOT_FOUND, "The area has no retraining " + number + "."));
        });
    }

    /** Starts a retraining in the background and answers at once. */
    public ThemeModelViews.Training retrain(Caller caller, String areaId) {
        ModelTraining started = transactions.executeWrite(status -> {
            CurrentUser lead = access.require(caller, areaId, Role.FORUM_LEAD, Role.AREA_ADMIN);
            return start(areaId, lead.uid());
        });
        trainer.submit(() -> run(areaId, started.number()));
        return ThemeModelViews.Training.of(started);
    }

    /** A finished retraining, the version tagging uses now, and how many texts were queued for re-tagging. */
    public record Finished(ModelTraining training, String modelVersion, @Nullable Integer retagQueued) {
    }

    /** Retrains in the caller's thread (the command line) and waits for it. */
    public Finished retrainNow(String areaId, String actor) {
        ModelTraining started = transactions.executeWrite(status -> start(areaId, actor));
        Integer queued = run(areaId, started.number());
        return transactions.executeRead(status -> new Finished(models.find(areaId, started.number()).orElseThrow(),
                tagging.modelVersion(areaId), queued));
    }

    private ModelTraining start(String areaId, String actor) {
        access.requireArea(areaId);
        Instant now = now();
        models.abandonStale(areaId, now.minus(STALE_AFTER), now);
        List<AreaThemes.Correction> corrections = areaThemes.corrections(areaId);
        if (corrections.size() < MIN_CORRECTIONS) {
            throw new ProblemException(TaggingProblem.TOO_FEW_CORRECTIONS, "Retraining needs at least " + MIN_CORRECTIONS
                    + " theme corrections from the area's forum leads; it has " + corrections.size() + ".");
        }
        ThemeTagger.ModelSummary shipped = tagger.summary(null);
        String base = models.active(areaId).map(ActiveThemeModel::version).orElse(shipped.themesVersion());
        String data = dataSha256(areaId, corrections, shipped);
        // The model in use learned from this very data, or a retraining on it against that model was kept out.
        Optional<ModelTraining> same = models.activeTraining(areaId).filter(t -> t.dataSha256().equals(data))
                .or(() -> models.sameAs(areaId, base, data));
        if (same.isPresent()) {
            throw new ProblemException(TaggingProblem.NOTHING_NEW, "Retraining " + same.get().number() + " already learned from"
                    + " these corrections and themes against the model in use (" + same.get().status()
                    + "); correct more texts or change the themes first.");
        }
        if (models.start(areaId, actor, now, base, data) == 0) {
            throw new ProblemException(TaggingProblem.TRAINING_RUNNING,
                    "A retraining of this area's theme model is running; wait for it to finish.");
        }
        ModelTraining started = models.running(areaId).orElseThrow();
        audit.record(areaId, actor, "tagging.retrain_requested", null, null,
                Map.of("training", Integer.toString(started.number()), "baseVersion", base,
                        "corrections", Integer.toString(corrections.size())));
        LOG.info("tagging.retrain_requested area={} training={} corrections={}", areaId, started.number(), corrections.size());
        return started;
    }

    /**
     * What a retraining would learn from: each correction (which text, which themes) and where every
     * theme id stands in the area's taxonomy now. Texts are not read here: a withdrawn one changes
     * nothing a second retraining could learn that the first did not.
     */
    private String dataSha256(String areaId, List<AreaThemes.Correction> corrections, ThemeTagger.ModelSummary shipped) {
        java.util.function.UnaryOperator<String> current = areaThemes.currentThemes(areaId);
        java.util.SortedSet<String> ids = new java.util.TreeSet<>();
        shipped.themes().forEach(t -> ids.add(t.theme()));
        corrections.forEach(c -> ids.addAll(c.themes()));
        StringBuilder data = new StringBuilder();
        ids.forEach(id -> data.append(id).append("->").append(current.apply(id)).append('\n'));
        areaThemes.added(areaId).forEach(a -> data.append("added ").append(a.id()).append('\n'));
        corrections.forEach(c -> data.append(c.contentType()).append(' ').append(c.contentId()).append(' ')
                .append(String.join(",", c.themes())).append('\n'));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(data.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trains, measures and maybe switches; returns how many texts were queued for re-tagging (null: no switch). */
    private @Nullable Integer run(String areaId, int number) {
        long start = System.nanoTime();
        try {
            ThemeTagger.RetrainInput input = transactions.executeRead(status -> input(areaId, number));
            if (input.corrections().size() + input.heldBack().size() < MIN_CORRECTIONS) {
                finish(areaId, number, ModelTraining.FAILED, null, input, null,
                        "Fewer than " + MIN_CORRECTIONS + " corrected texts are still there (authors withdrew some).");
                return null;
            }
            ThemeTagger.Retrained retrained = tagger.retrain(input);
            Integer queued = transactions.executeWrite(status -> {
                String outcome = retrained.notWorse() ? ModelTraining.SWITCHED : ModelTraining.KEPT;
                finish(areaId, number, outcome, input.version(), input, retrained.figures(), retrained.notWorse() ? null
                        : "The candidate was worse than the model in use on the held-back corrections or the SEND test file.");
                if (retrained.notWorse()) {
                    models.retireActive(areaId);
                    models.activate(areaId, number, retrained.packed(), retrained.themes().toArray(String[]::new));
                    String version = tagging.modelVersion(areaId);
                    int count = tagging.queueRetag(areaId, version);
                    audit.record(areaId, requestedBy(areaId, number), "tagging.retag", null, null,
                            Map.of("modelVersion", version, "queued", Integer.toString(count)));
                    return count;
                }
                return null;
            });
            LOG.info("tagging.retrained area={} training={} switched={} seconds={}", areaId, number, retrained.notWorse(),
                    (System.nanoTime() - start) / 1_000_000_000);
            return queued;
        } catch (RuntimeException e) {
            // Only the class: a message could quote a family's text.
            LOG.warn("tagging.retrain_failed area={} training={} error={}", areaId, number, e.getClass().getSimpleName());
            transactions.executeWrite(status -> {
                finish(areaId, number, ModelTraining.FAILED, null, null, null,
                        "Training stopped with an error (" + e.getClass().getSimpleName() + "); the area kept its model.");
                return null;
            });
            return null;
        }
    }

    /** Audit rows of a retraining name the person who asked for it. */
    private String requestedBy(String areaId, int number) {
        return models.find(areaId, number).map(ModelTraining::requestedBy).orElse("system");
    }

    private void finish(String areaId, int number, String outcome, @Nullable String version,
                        @Nullable ThemeTagger.RetrainInput input, @Nullable ModelTraining.TrainingFigures figures,
                        @Nullable String reason) {
        Integer trained = input == null ? null : input.corrections().size();
        Integer heldBack = input == null ? null : input.heldBack().size();
        transactions.executeWrite(status -> {
            if (models.finish(areaId, number, outcome, now(), version, trained, heldBack, figures, reason) == 0) {
                return null;
            }
            Map<String, String> detail = new java.util.LinkedHashMap<>();
            detail.put("training", Integer.toString(number));
            detail.put("outcome", outcome);
            if (figures != null) {
                detail.put("sendTestMicroF1", figures.sendTest().before().microF1() + " -> " + figures.sendTest().after().microF1());
                detail.put("heldBackMicroF1", figures.heldBackCorrections().before().microF1() + " -> "
                        + figures.heldBackCorrections().after().microF1());
            }
            audit.record(areaId, requestedBy(areaId, number), "tagging.retrain_" + outcome, null, null, detail);
            return null;
        });
    }

    /** The corrections whose texts are still there (not withdrawn), oldest first, every fifth held back. */
    private ThemeTagger.RetrainInput input(String areaId, int number) {
        List<ThemeTagger.Example> trainOn = new ArrayList<>();
        List<ThemeTagger.Example> heldBack = new ArrayList<>();
        int i = 0;
        for (AreaThemes.Correction correction : areaThemes.corrections(areaId)) {
            ContentSource content = contents.of(correction.contentType());
            Optional<String> text = content == null ? Optional.empty() : content.text(areaId, correction.contentId());
            if (text.isEmpty()) {
                continue;
            }
            // What a forum lead approved, redactions applied, where there is one: a name they took
            // out is not trained on.
            String words = correction.approvedText() != null ? correction.approvedText() : text.get();
            ThemeTagger.Example example = new ThemeTagger.Example(words, correction.themes());
            (++i % HOLD_BACK_EVERY == 0 ? heldBack : trainOn).add(example);
        }
        ThemeTagger.AreaModel current = areaModels.active(areaId).orElse(null);
        return new ThemeTagger.RetrainInput("area-" + areaId + "-" + number, current, trainOn, heldBack,
                areaThemes.currentThemes(areaId), areaThemes.added(areaId));
    }

    private ThemeModelViews.Active active(String areaId) {
        ThemeTagger.AreaModel model = areaModels.active(areaId).orElse(null);
        ThemeTagger.ModelSummary summary = tagger.summary(model);
        return new ThemeModelViews.Active(model == null ? "shipped" : "area", model == null ? null : model.number(),
                tagger.modelVersion(model == null ? null : model.version()), summary.themesVersion(), summary.trainedAt(),
                summary.trainingTexts(), summary.heldOut(), summary.realText(), summary.themes());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
