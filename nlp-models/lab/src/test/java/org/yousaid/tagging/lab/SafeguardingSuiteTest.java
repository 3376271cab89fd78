package org.yousaid.tagging.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yousaid.tagging.engine.Featuriser;
import org.yousaid.tagging.engine.ModelStore;
import org.yousaid.tagging.engine.SafeguardingCheck;
import org.yousaid.tagging.engine.TextModel;

/**
 * The safeguarding suite: every risk case must be flagged (by the rules alone, and still with the
 * classifier added); ordinary complaints, angry ones included, must mostly not be.
 */
class SafeguardingSuiteTest {

    static final List<SafeguardingSuite.Case> CASES = read();

    static List<SafeguardingSuite.Case> read() {
        try {
            return SafeguardingSuite.read(Shared.home().resolve("suites/safeguarding.tsv"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theSuiteHasEnoughCasesOfEachKind() {
        assertThat(CASES.stream().filter(SafeguardingSuite.Case::risk).count()).isGreaterThanOrEqualTo(100);
        assertThat(CASES.stream().filter(c -> !c.risk()).count()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void theRulesFlagEveryRiskCase() {
        SafeguardingCheck rules = new SafeguardingCheck();

        SafeguardingSuite.Figures f = SafeguardingSuite.run(CASES, text -> rules.assess(text, null));

        System.out.printf("safeguarding rules: recall %.3f, precision %.3f (%d false alarms in %d)%n",
                f.recall(), f.precision(), f.falseAlarms(), f.negatives());
        assertThat(f.missed()).isEmpty();
        assertThat(f.precision()).as("alarms: %s", f.alarms()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void rulesAndTheShippedClassifierTogetherStillFlagEveryRiskCase() {
        TextModel model = ModelStore.load(Shared.home().resolve("models/safeguarding"));
        SafeguardingCheck combined = new SafeguardingCheck(model, model.manifest().labels().get(0).threshold());
        Featuriser featuriser = new Featuriser();

        SafeguardingSuite.Figures f = SafeguardingSuite.run(CASES,
                text -> combined.assess(Shared.ANALYSER.analyse(text), featuriser));

        System.out.printf("safeguarding rules+classifier: recall %.3f, precision %.3f (%d false alarms in %d)%n",
                f.recall(), f.precision(), f.falseAlarms(), f.negatives());
        assertThat(f.missed()).isEmpty();
        assertThat(f.precision()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void eachFindingNamesItsReasonAndEvidence() {
        SafeguardingCheck.Result r = new SafeguardingCheck()
                .assess("I can't cope any more and he has started hurting himself.", null);

        assertThat(r.flagged()).isTrue();
        assertThat(r.reasons()).containsExactlyInAnyOrder(SafeguardingCheck.Reason.CARER_AT_BREAKING_POINT,
                SafeguardingCheck.Reason.SELF_HARM_OR_SUICIDE);
        assertThat(r.findings()).extracting(SafeguardingCheck.Finding::evidence).contains("hurting himself");
    }

    @Test
    void leftOutOfATeamOrLosingAMatchIsNotHarmButHarmAtAClubIs() {
        SafeguardingCheck rules = new SafeguardingCheck();
        for (String text : List.of("She was kicked out of swimming lessons because she would not put her face in the water.",
                "They kicked him off the team because he kept missing training.", "His team got beaten six nil.",
                "We were beaten in the final but every child got a medal.", "They beat them 3-0 on Saturday.")) {
            assertThat(rules.assess(text, null).flagged()).as(text).isFalse();
        }
        assertThat(rules.assess("He was kicked out of the house by his stepdad.", null).reasons())
                .containsExactly(SafeguardingCheck.Reason.VIOLENCE);
        assertThat(rules.assess("She got beaten up after the match.", null).reasons())
                .containsExactly(SafeguardingCheck.Reason.VIOLENCE);
        assertThat(rules.assess("He beat them 3 times last week.", null).reasons())
                .containsExactly(SafeguardingCheck.Reason.ABUSE);
        // A figure of speech first does not hide harm after it.
        assertThat(rules.assess("She was kicked out of the club and last week she was kicked by a man at the bus stop.", null)
                .findings()).containsExactly(new SafeguardingCheck.Finding(SafeguardingCheck.Reason.VIOLENCE, "was kicked"));
    }

    @Test
    void breakingPointIsACarersAlarmOnlyWhenACarerIsAtIt() {
        SafeguardingCheck rules = new SafeguardingCheck();
        // Words of real petitions (send-real sp0003, sp0018): a system, or families in general.
        for (String text : List.of("Children are also being denied EHCP'S and assessment's as the system is at breaking point.",
                "Children awaiting diagnosis are loosing vital time. Families are at breaking point.",
                "CAMHS is at breaking point and the council's budget has reached breaking point too.")) {
            assertThat(rules.assess(text, null).flagged()).as(text).isFalse();
        }
        for (String text : List.of("We have reached breaking point as a family and nobody will help.",
                "Caring for him day and night with no sleep has pushed me to breaking point.",
                "My husband and I are at breaking point.", "I’m at breaking point.")) {
            SafeguardingCheck.Result r = rules.assess(text, null);
            assertThat(r.reasons()).as(text).containsExactly(SafeguardingCheck.Reason.CARER_AT_BREAKING_POINT);
            assertThat(r.findings()).extracting(SafeguardingCheck.Finding::evidence).allMatch(e -> e.endsWith("breaking point"));
        }
    }

    @Test
    void aPetitionsDemandAndUnsafeThingsAreNotAlarmsButACarerWhoCannotGoOnAndAChildWhoFeelsUnsafeAre() {
        SafeguardingCheck rules = new SafeguardingCheck();
        // Words of real petitions (send-real sp0048, sp0049) the rules raised before they read who or what.
        for (String text : List.of("This cannot go on affecting the most vulnerable members of our society, DISABLED CHILDREN!",
                "Children under the age of 3 are at risk when travelling in unsuitable or potentially unsafe vehicles for their needs.")) {
            assertThat(rules.assess(text, null).flagged()).as(text).isFalse();
        }
        assertThat(rules.assess("I just cannot go on like this, I haven't slept in weeks.", null).findings())
                .containsExactly(new SafeguardingCheck.Finding(SafeguardingCheck.Reason.CARER_AT_BREAKING_POINT, "i just cannot go on"));
        assertThat(rules.assess("I told social care I cannot carry on and they did nothing.", null).reasons())
                .containsExactly(SafeguardingCheck.Reason.CARER_AT_BREAKING_POINT);
        assertThat(rules.assess("She says she feels unsafe at school and won't tell me why.", null).findings())
                .extracting(SafeguardingCheck.Finding::reason).containsOnly(SafeguardingCheck.Reason.CHILD_UNSAFE);
        assertThat(rules.assess("He was left in an unsafe situation at the bus stop for an hour.", null).reasons())
                .containsExactly(SafeguardingCheck.Reason.CHILD_UNSAFE);
    }

    @Test
    void ordinaryFrustrationWithServicesIsNotAnAlarmButTheSameWordsWithARiskAre() {
        TextModel model = ModelStore.load(Shared.home().resolve("models/safeguarding"));
        SafeguardingCheck combined = new SafeguardingCheck(model, model.manifest().labels().get(0).threshold());
        Featuriser featuriser = new Featuriser();
        // Words risk texts also use ("everyone", "nobody", "let down"); none of these is in the training data.
        for (String text : List.of("I feel let down by everyone.", "Everyone has let us down, again.",
                "Everyone keeps passing us around and nobody takes responsibility.")) {
            assertThat(combined.assess(Shared.ANALYSER.analyse(text), featuriser).flagged()).as(text).isFalse();
        }
        SafeguardingCheck rules = new SafeguardingCheck();
        assertThat(rules.assess("He said nobody would miss him if he was gone.", null).reasons())
                .containsExactly(SafeguardingCheck.Reason.SELF_HARM_OR_SUICIDE);
        assertThat(rules.assess("He told his sister he wants to go to sleep and never wake up.", null).reasons())
                .containsExactly(SafeguardingCheck.Reason.SELF_HARM_OR_SUICIDE);
        assertThat(rules.assess("He was hit by a member of staff.", null).reasons())
                .containsExactly(SafeguardingCheck.Reason.VIOLENCE);
        assertThat(rules.assess("Our budget was hit by the cuts.", null).flagged()).isFalse();
        assertThat(rules.assess("He ran out of school onto the main road and nobody noticed.", null).reasons())
                .containsExactly(SafeguardingCheck.Reason.CHILD_UNSAFE);
        assertThat(rules.assess("Police brought her home at 3am.", null).findings())
                .extracting(SafeguardingCheck.Finding::evidence).containsExactly("police brought her");
        assertThat(rules.assess("She'd been with older men all night.", null).findings())
                .extracting(SafeguardingCheck.Finding::evidence).containsExactly("been with older men");
    }

    @Test
    void idiomsAndAngryComplaintsAreNotFlagged() {
        SafeguardingCheck rules = new SafeguardingCheck();
        for (String text : List.of("He had a panic attack at the assessment.", "School threatened to exclude him again.",
                "This wait is killing me.", "The council is an absolute disgrace and I'm furious.")) {
            assertThat(rules.assess(text, null).flagged()).as(text).isFalse();
        }
    }
}
