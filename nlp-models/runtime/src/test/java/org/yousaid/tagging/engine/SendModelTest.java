package org.yousaid.tagging.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SEND taxonomy, its labelled data and the shipped model agree, and the model scores on held-out data. */
class SendModelTest {

    static Taxonomy taxonomy;
    static List<LabelledText> train;
    static List<LabelledText> test;

    @BeforeAll
    static void read() throws Exception {
        Path home = Shared.home();
        taxonomy = Taxonomy.load(home.resolve("taxonomy/send-themes.yaml"));
        train = LabelledData.read(home.resolve("data/send-train.tsv"));
        test = LabelledData.read(home.resolve("data/send-test.tsv"));
    }

    @Test
    void theTaxonomyCoversTheThemesFamiliesRaise() {
        assertThat(taxonomy.byId().keySet()).contains("autism_adhd_pathway", "waiting_times", "speech_language_therapy",
                "occupational_therapy", "physiotherapy", "equipment_seating_standing", "equipment_communication_aids",
                "equipment_toileting_hoists", "equipment_sensory_aids", "wheelchairs", "ehc_plans", "sen_support_mainstream",
                "school_placement", "early_years", "preparation_for_adulthood", "short_breaks_respite", "transport",
                "local_offer", "sendiass_advice", "communication_kept_informed", "listened_to_involved", "mental_health",
                "social_care_family_support", "health_services", "personal_budgets", "staff_knowledge_attitude",
                "equity_between_areas", "parent_carer_wellbeing", "positive_experience");
        assertThat(taxonomy.themes()).allSatisfy(t -> assertThat(t.description()).isNotBlank());
    }

    @Test
    void everyThemeHasAtLeast40TrainingCommentsAndTheTestFileIsSeparate() {
        taxonomy.checkLabels(train);
        taxonomy.checkLabels(test);
        Map<String, Integer> perTheme = new TreeMap<>();
        train.forEach(r -> r.labels().forEach(l -> perTheme.merge(l, 1, Integer::sum)));
        assertThat(perTheme.keySet()).isEqualTo(taxonomy.byId().keySet());
        assertThat(perTheme.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(40));
        Set<String> trainTexts = new HashSet<>(train.stream().map(r -> r.text().toLowerCase()).toList());
        assertThat(test).noneMatch(r -> trainTexts.contains(r.text().toLowerCase()));
        assertThat(test.stream().flatMap(r -> r.labels().stream()).distinct().count()).isEqualTo(taxonomy.themes().size());
    }

    @Test
    void theShippedModelWasTrainedOnTheCommittedDataForThisTaxonomy() throws Exception {
        ModelManifest manifest = ModelStore.manifest(Shared.home().resolve("models/send"));

        assertThat(manifest.taxonomyVersion()).isEqualTo(taxonomy.version());
        // Our own written comments and the real families' words of send-real, in that order.
        assertThat(manifest.trainingDataSha256()).isEqualTo(LabelledData.sha256(List.of(Shared.home().resolve("data/send-train.tsv"),
                Shared.home().resolve("data/send-real/send-real.tsv"))));
        assertThat(manifest.labels()).extracting(ModelManifest.LabelEntry::label)
                .containsExactlyInAnyOrderElementsOf(taxonomy.byId().keySet());
        // Both shipped models were trained with the one recipe, the recipe every retraining uses.
        ModelManifest safeguarding = ModelStore.manifest(Shared.home().resolve("models/safeguarding"));
        assertThat(manifest.recipe()).isEqualTo(Recipe.SHIPPED);
        assertThat(safeguarding.recipe()).isEqualTo(Recipe.SHIPPED);
        // Every theme has its suggestion floor, and the figures on real families' words are there for forum leads.
        assertThat(manifest.labels()).allSatisfy(l -> assertThat(l.suggestFrom()).isNotNull().isLessThanOrEqualTo(l.threshold()));
        assertThat(manifest.realText()).isNotNull();
        assertThat(manifest.realText().source()).isEqualTo("send-real.tsv");
        assertThat(manifest.realText().texts()).isEqualTo(LabelledData.read(Shared.home().resolve("data/send-real/send-real.tsv")).size());
        assertThat(manifest.realText().labels()).extracting(ModelManifest.LabelFigure::label).contains("mental_health", "ehc_plans");
    }

    @Test
    void theShippedModelScoresOnTheHeldOutSendTestFile() {
        TextModel model = ModelStore.load(Shared.home().resolve("models/send"));
        Featuriser featuriser = new Featuriser();
        List<TextModel.Scores> scores = test.stream()
                .map(r -> model.score(featuriser.features(Shared.ANALYSER.analyse(r.text())))).toList();

        Metrics m = Metrics.of(test,
                scores.stream().map(s -> Set.copyOf(s.themes().stream().filter(ThemeScore::given).map(ThemeScore::label).toList())).toList(),
                scores.stream().map(s -> s.sentiment().value()).toList());

        System.out.println("SEND test file: " + m.summaryLine());
        assertThat(m.microF1()).isGreaterThanOrEqualTo(0.75);
        assertThat(m.macroF1()).isGreaterThanOrEqualTo(0.70);
        assertThat(m.sentimentAccuracy()).isGreaterThanOrEqualTo(0.55);
    }
}
