package org.yousaid;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of shared/STYLE.md, checked on the compiled classes. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.yousaid");

    /**
     * A kind of text is a {@code ContentType} wherever YouSaid holds one: rows, events, views. Only
     * the shared audit log (which may not know features) keeps the value as text.
     */
    @Test
    void aKindOfTextIsAContentTypeNotAString() {
        fields().that().haveName("contentType").and().areDeclaredInClassesThat().resideOutsideOfPackage("org.yousaid.audit..")
                .and().areDeclaredInClassesThat().doNotHaveFullyQualifiedName("org.yousaid.response.ResponseViews$ContentRefRequest")
                .should().haveRawType(org.yousaid.content.ContentType.class)
                .check(CLASSES);
    }

    @Test
    void onlyIdentityTalksToFirebaseAuth() {
        noClasses().that().resideOutsideOfPackage("org.yousaid.identity..")
                .should().dependOnClassesThat().resideInAPackage("com.google.firebase.auth..")
                .check(CLASSES);
    }

    @Test
    void onlyNotifyTalksToFirebaseMessaging() {
        noClasses().that().resideOutsideOfPackage("org.yousaid.notify..")
                .should().dependOnClassesThat().resideInAPackage("com.google.firebase.messaging..")
                .check(CLASSES);
    }

    @Test
    void onlyAlertTalksToGovUkNotify() {
        noClasses().that().resideOutsideOfPackage("org.yousaid.alert..")
                .should().dependOnClassesThat().resideInAPackage("uk.gov.service.notify..")
                .check(CLASSES);
    }

    @Test
    void onlyIdentityAndNotifyUseFirebase() {
        noClasses().that().resideOutsideOfPackages("org.yousaid.identity..", "org.yousaid.notify..")
                .should().dependOnClassesThat().resideInAPackage("com.google.firebase..")
                .check(CLASSES);
    }

    @Test
    void sharedDependsOnNoFeature() {
        // Every package of YouSaid but shared itself, present and to come.
        noClasses().that().resideInAPackage("org.yousaid.shared..")
                .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.yousaid..")
                        .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.yousaid.shared.."))))
                .check(CLASSES);
    }

    @Test
    void moderationKnowsNoContentFeature() {
        noClasses().that().resideInAPackage("org.yousaid.moderation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.yousaid.wall..", "org.yousaid.survey..")
                .check(CLASSES);
    }

    @Test
    void theContentKernelRestsOnAreasAlone() {
        onlyOnYouSaid("content", "area", "shared");
    }

    /**
     * The producers of family text sit low: they know the content SPI, areas, callers and shared
     * plumbing, never a feature that consumes their words (moderation, tagging, responses, the
     * read model of "my words"), nor each other.
     */
    @Test
    void contentFeaturesDependOnlyOnTheContentKernel() {
        onlyOnYouSaid("wall", "content", "area", "identity", "shared");
        onlyOnYouSaid("survey", "content", "area", "identity", "shared");
    }

    private static void onlyOnYouSaid(String feature, String... allowed) {
        java.util.List<String> packages = new java.util.ArrayList<>();
        packages.add("org.yousaid." + feature + "..");
        for (String a : allowed) {
            packages.add("org.yousaid." + a + "..");
        }
        noClasses().that().resideInAPackage("org.yousaid." + feature + "..")
                .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.yousaid..")
                        .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(packages.toArray(String[]::new)))))
                .because("a content feature and the content kernel know nothing of the features that consume them")
                .check(CLASSES);
    }

    @Test
    void onlyTaggingTalksToCoreNlp() {
        noClasses().that().resideOutsideOfPackage("org.yousaid.tagging..")
                .should().dependOnClassesThat().resideInAPackage("edu.stanford.nlp..")
                .check(CLASSES);
    }

    @Test
    void taggingKnowsNoContentFeature() {
        noClasses().that().resideInAPackage("org.yousaid.tagging..")
                .should().dependOnClassesThat().resideInAnyPackage("org.yousaid.wall..", "org.yousaid.moderation..",
                        "org.yousaid.survey..")
                .check(CLASSES);
    }

    @Test
    void controllersDoNotTouchRepositories() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(CLASSES);
    }

    @Test
    void identityAndAreaDoNotDependOnContentFeatures() {
        noClasses().that().resideInAnyPackage("org.yousaid.identity..", "org.yousaid.area..")
                .should().dependOnClassesThat().resideInAnyPackage("org.yousaid.wall..", "org.yousaid.moderation..")
                .check(CLASSES);
    }

    @Test
    void theConsoleSitsAboveEveryFeatureAndNothingDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("org.yousaid.console..")
                .should().dependOnClassesThat().resideInAPackage("org.yousaid.console..")
                .check(CLASSES);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        // A dependency the wrong way (a content feature importing a feature that consumes it) shows
        // first as a cycle; none may come back.
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching("org.yousaid.(*)..")
                .should().beFreeOfCycles().check(CLASSES);
    }
}
