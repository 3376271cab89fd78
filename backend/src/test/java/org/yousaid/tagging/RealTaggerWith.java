package org.yousaid.tagging;

/**
 * The real CoreNLP tagger with something a test needs done before each analysis (a failure, a
 * pause): everything else is the shipped models' own answer.
 */
abstract class RealTaggerWith implements ThemeTagger {

    protected final CoreNlpThemeTagger real;

    RealTaggerWith(TaggingSettings settings) {
        this.real = new CoreNlpThemeTagger(settings);
    }

    @Override
    public String modelVersion() {
        return real.modelVersion();
    }

    @Override
    public java.util.List<ShippedTheme> taxonomy() {
        return real.taxonomy();
    }

    @Override
    public java.util.Optional<float[]> embed(String text) {
        return real.embed(text);
    }

    @Override
    public void warmUp() {
        real.warmUp();
    }

    @Override
    public String modelVersion(String areaThemesVersion) {
        return real.modelVersion(areaThemesVersion);
    }

    @Override
    public Retrained retrain(RetrainInput input) {
        return real.retrain(input);
    }

    @Override
    public ModelSummary summary(AreaModel areaModel) {
        return real.summary(areaModel);
    }

    @Override
    public Tagged analyse(String text, AreaModel areaModel) {
        if (areaModel == null) {
            return analyse(text);
        }
        beforeAnalysis(text, true);
        return real.analyse(text, areaModel);
    }

    @Override
    public java.util.List<java.util.List<Word>> sentences(String text) {
        return real.sentences(text);
    }

    @Override
    public Tags tag(String text) {
        return analyse(text).tags();
    }

    @Override
    public Tagged analyse(String text) {
        beforeAnalysis(text, false);
        return real.analyse(text);
    }

    /** What the test's tagger does before the real one analyses {@code text} (with the area's model or not). */
    protected abstract void beforeAnalysis(String text, boolean withAreaModel);
}
