package org.yousaid.tagging.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags comments that suggest a child or young person may be at risk, or a parent carer at breaking
 * point, so a human sees them at once. Rules carry the recall (each names its reason and quotes the
 * words that fired it); a trained classifier adds what paraphrases the rules miss. Ordinary anger at
 * services is not a flag: the rules need a harm word bound to a person ("hurt himself", "hit her"),
 * and idioms ("panic attack", "threatened with exclusion", "hit a brick wall") are left out.
 */
public final class SafeguardingCheck {

    public enum Reason {
        SELF_HARM_OR_SUICIDE, ABUSE, NEGLECT, VIOLENCE, CHILD_UNSAFE, CARER_AT_BREAKING_POINT, CLASSIFIER
    }

    public record Finding(Reason reason, String evidence) {
    }

    public record Result(boolean flagged, List<Finding> findings, double classifierProbability) {
        public Set<Reason> reasons() {
            Set<Reason> reasons = new LinkedHashSet<>();
            findings.forEach(f -> reasons.add(f.reason()));
            return reasons;
        }
    }

    private record Rule(Reason reason, Pattern pattern) {
    }

    private static final String SELF = "(?:my|him|her|them|your|our)sel(?:f|ves)";
    private static final String CHILD = "(?:him|her|them|me|my (?:son|daughter|child|boy|girl|kids?|children)|the (?:child|children|kids?|boy|girl)"
            + "|his (?:sister|brother)|her (?:sister|brother)|other (?:children|kids|pupils))";

    private static final List<Rule> RULES = List.of(
            rule(Reason.SELF_HARM_OR_SUICIDE, "\\b(?:kill|hurt|harm|cut|hang|stab|burn|strangle|starv|punch|bit|scratch|hit)(?:s|es|e|ing|ed|ting|ming)? " + SELF),
            rule(Reason.SELF_HARM_OR_SUICIDE, "\\bcut(?:s|ting)? (?:his|her|their|my) (?:arms?|legs?|wrists?|skin|thighs?|stomach)"),
            rule(Reason.SELF_HARM_OR_SUICIDE, "\\bself[- ]?harm|\\bsuicid|\\boverdos|\\bligature|\\bend (?:it all|(?:my|his|her|their) (?:own )?life)|\\btak(?:e|es|ing|en) (?:my|his|her|their) own life"),
            rule(Reason.SELF_HARM_OR_SUICIDE, "\\b(?:want|wants|wanted|wanting|wish|wishes|wished) (?:to|that (?:he|she|i|they) (?:was|were|could)) (?:be )?(?:die|dead)\\b|\\bbetter off dead|\\bwish(?:es|ed)? (?:he|she|i|they) (?:was|were|had never been) (?:dead|born)"),
            rule(Reason.SELF_HARM_OR_SUICIDE, "\\b(?:doesn'?t|does not|don'?t|do not|didn'?t) want to (?:live|be alive|be here any ?more|wake up|exist)|\\bno (?:reason|point) (?:to|in) (?:live|living|being alive)"
                    + "|\\b(?:go to sleep|sleep|fall asleep) and (?:never|not) wake up"),
            // Thinking others would be better off: "nobody would miss him if he was gone".
            rule(Reason.SELF_HARM_OR_SUICIDE, "\\b(?:nobody|no one|no-one) would (?:miss|notice|care about) (?:me|him|her|them) if (?:i|he|she|they) (?:was|were|died|disappeared)"
                    + "|\\b(?:everyone|everybody|the world|you|they|we|my family) (?:would|'d) be better off without (?:me|him|her|them)\\b"),
            rule(Reason.SELF_HARM_OR_SUICIDE, "\\bbang(?:s|ed|ing)? (?:his|her|their) head|\\bhead[- ]?bang|\\bjump(?:ed|ing|s)? (?:off|from|in front of)|\\brunning into the road on purpose"),
            rule(Reason.ABUSE, "\\b(?:abus(?:e|ed|es|ing|ive)|molest\\w*|grop\\w*|rap(?:e|ed)|sexual(?:ly)? (?:abus\\w*|assault\\w*|touch\\w*)|indecent\\w*)\\b"),
            rule(Reason.ABUSE, "\\b(?:touch(?:ed|es|ing)?) (?:him|her|them|me) (?:inappropriately|in (?:private|intimate) places|down there)|\\binappropriate(?:ly)? touch"),
            rule(Reason.ABUSE, "\\b(?:slapp?(?:ed|ing|s)?|punch(?:ed|es|ing)?|kick(?:ed|s|ing)?|beat(?:en|s|ing)?|shook|shak(?:en|ing)|strangl\\w*|chok(?:ed|ing)|smack(?:ed|s|ing)?|hit|hits|hitting|pinch(?:ed|es|ing)?|grabb?(?:ed|ing|s)|dragg?(?:ed|ing|s)|throw(?:n|s)?|threw|pinn(?:ed|ing)|sat on|tied) " + CHILD),
            rule(Reason.ABUSE, "\\b(?:bruis(?:e|es|ed|ing)|burn marks|marks on (?:his|her)|cigarette burns?|black eye|finger ?marks)\\b"),
            rule(Reason.ABUSE, "\\b(?:scared|afraid|frightened|terrified) (?:to go home|of (?:his|her|their) (?:dad|mum|father|mother|step\\w*|uncle|carer|partner))"),
            rule(Reason.ABUSE, "\\bgroom(?:ed|ing) (?:him|her|them|online|by)|\\b(?:sent|sending|asked for) (?:her|him) (?:nude|naked|explicit) (?:photos|pictures|images)|\\bsextort"),
            rule(Reason.NEGLECT, "\\bneglect\\w*|\\bnot (?:been )?(?:fed|given (?:any )?food|washed|changed) (?:for|all|since)|\\b(?:goes|went|going|comes?|came) (?:home |to school )?(?:hungry|starving)|\\bno food in the house"),
            rule(Reason.NEGLECT, "\\b(?:left|leaves?|leaving) (?:in (?:a |his |her )?(?:soiled|dirty|wet)|(?:him|her|them|my (?:son|daughter|child)) (?:alone|on (?:his|her|their) own|unsupervised|in (?:a |his |her )?(?:soiled|dirty|wet|cold)))|\\bleft (?:alone|unsupervised) (?:for hours|all day|overnight|at home)|\\bsitting in (?:a )?(?:soiled|dirty|wet) (?:pad|nappy|clothes)"),
            rule(Reason.NEGLECT, "\\b(?:missed|without|no) (?:his|her|their)? ?(?:medication|meds|insulin|seizure medication|feeds?) for (?:days|a week|weeks)|\\bnobody (?:is )?(?:feeding|looking after|caring for) (?:him|her|them)"),
            rule(Reason.VIOLENCE, "\\bdomestic (?:violence|abuse)|\\b(?:stab(?:bed|bing)?|knife|knives|weapon|gun)\\b|\\bthreaten(?:ed|s|ing)? to (?:kill|hurt|stab|hit|beat|harm)"),
            rule(Reason.VIOLENCE, "\\b(?:attack(?:ed|s|ing)?|assault(?:ed|s|ing)?|hurt(?:s|ing)?|bit(?:e|es|ing)?|kick(?:s|ed|ing)?|hit(?:s|ting)?|punch(?:ed|es|ing)?|strangl\\w*) (?:me|us|his (?:sister|brother|mum|dad)|her (?:sister|brother|mum|dad)|the baby|other children|a teacher|staff)\\b"),
            // "Violent meltdowns" alone describe distress, not harm: violence needs a person or a consequence.
            rule(Reason.VIOLENCE, "\\bviolen(?:t|ce) (?:to|towards|against|at) (?:him|her|them|me|us|others?|staff|teachers?|his|the)\\b"
                    + "|\\bphysical(?:ly)? (?:attack\\w*|assault\\w*)"),
            // Harm said in the passive ("assaulted by another child", "was hit at school").
            rule(Reason.VIOLENCE, "\\b(?:was|were|been|being|got|gets|get|is|are) (?:physically |sexually |badly |seriously |repeatedly )?"
                    + "(?:assaulted|attacked|beaten(?: up)?|punched|kicked|strangled|stabbed|bitten|injured|headbutted|head-butted)\\b"),
            // "Hit", "slapped", "grabbed" in the passive only with a child as the one harmed: services are "hit by cuts" too.
            rule(Reason.VIOLENCE, "\\b(?:he|she|they|my (?:son|daughter|child|boy|girl)|the (?:child|boy|girl)) (?:was|were|got|gets|has been|had been|is being|was being|keeps getting) "
                    + "(?:\\w+ )?(?:hit|slapped|smacked|shoved|grabbed|dragged|manhandled|thrown) by\\b"),
            // Harm told by its consequences: A & E, hospital, an ambulance, the police, broken bones.
            rule(Reason.VIOLENCE, "\\b(?:put|puts|putting|sent|landed|ended up|end up|ends up) (?:\\w+ ){0,5}in (?:hospital|a ?& ?e|a and e|accident and emergency)\\b"
                    + "|\\b(?:taken|rushed|went|go|goes) (?:straight )?to (?:hospital|a ?& ?e|a and e) (?:after|with|because|when)\\b|\\bhospitali[sz]ed\\b"
                    + "|\\b(?:call(?:ed|ing)?|phoned|rang) (?:for )?(?:an ambulance|the police|999)|\\bpolice (?:were|was|had to be|have been) (?:called|involved)"
                    + "|\\bbroken (?:arm|nose|wrist|leg|ribs?|bones?|jaw|finger)|\\bconcussion\\b|\\bneeded stitches"),
            // "Ran away from the treasure hunt" is a game: running away is from home, school or the people keeping a child safe.
            rule(Reason.CHILD_UNSAFE, "\\b(?:went|goes|gone|go|going|has gone) missing\\b"
                    + "|\\b(?:ran|runs|run|running) (?:away|off) (?:from|out of) (?:home|the house|school|the school|class|the classroom|the playground|the unit|the ward|the centre|the home|care|hospital|respite"
                    + "|the site|us|me|staff|(?:his|her|their) (?:home|school|class|carers?|parents?|foster \\w+))\\b|\\b(?:ran|runs|running) away(?: again)?[.!,;]"
                    + "|\\b(?:ran|run|running|walked|walking|wandered|got) (?:out (?:of (?:school|the school|class|the house|the building|the gates?) )?)?(?:into|onto|on to|along) (?:the|a) (?:main |busy )?(?:road|street|motorway)|\\bwander(?:ed|s)? off\\b"),
            // "Unsafe" is an alarm about a person or where they are ("she feels unsafe at school", "left in an unsafe
            // situation"), not about things: a petition's "potentially unsafe vehicles" and "the old minibus was unsafe".
            rule(Reason.CHILD_UNSAFE, "\\b(?:isn'?t|is not|not|wasn'?t|was not|don'?t feel|doesn'?t feel|never) (?:kept )?safe\\b|\\bin danger\\b"
                    + "|\\b(?:(?:he|she|they|i|we|my (?:son|daughter|child|boy|girl)|the (?:child|children|boy|girl))(?:'s|'re|'m| is| was| are| am| were| has been| had been)"
                    + "|feel|feels|felt|feeling|left|leaves|leaving) (?:so |very |totally |completely )?unsafe\\b"
                    + "|\\b(?:him|her|them|me) unsafe\\b|\\bunsafe (?:at|in) (?:home|school|the house|class|the classroom|his|her|their)\\b"
                    + "|\\bunsafe (?:situation|environment|place|home|house|placement|setting)s?\\b"
                    + "|\\brisk of (?:harm|death|serious harm)|\\bputting (?:him|her|them) at risk"
                    + "|\\bat (?:severe|serious|significant|high|real|great|grave|immediate|huge) risk\\b"
                    + "|\\b(?:huge|serious|significant|major|real|grave) (?:safety|safeguarding) (?:risks?|concerns?|issues?)"
                    + "|\\b(?:mental health|suicidal) crisis\\b|\\b(?:stopped|not able to|unable to|refus(?:ed|es|ing) to) eat(?:ing)?\\b"
                    + "|\\b(?:tried|tries|trying|attempted|attempts) to (?:exit|get out of|jump out of|open the door of) (?:a|the) moving"),
            // Injury a child does to themselves, told by what it did: "bit her nails down until they bled".
            rule(Reason.SELF_HARM_OR_SUICIDE, "\\buntil (?:it|they|she|he) (?:bled|bleeds|were bleeding|was bleeding)|\\bdr(?:ew|aws|awing) blood\\b"
                    + "|\\bpick(?:ed|s|ing)? (?:the |at )?(?:skin|scabs)\\b[\\w\\s]{0,30}(?:to pieces|raw|bleed)"
                    + "|\\bpull(?:ed|s|ing)? (?:out )?(?:his|her|their) (?:hair|eyelashes) out"),
            rule(Reason.CHILD_UNSAFE, "\\brestrain(?:ed|t|ing|s)?\\b|\\bheld down\\b|\\blocked (?:him|her|them) in\\b|\\blocked in (?:a|the) (?:room|cupboard)|\\bseclusion room"),
            rule(Reason.CHILD_UNSAFE, "\\bexploit\\w*|\\bcounty lines|\\b(?:older (?:men|boys|man)|a stranger|strangers) (?:\\w+ ){0,3}(?:picking|picked|messag\\w*|contact\\w*|meeting|giving)|\\b(?:been|was|were|is|staying|hanging around|hangs around|went off|goes off) with (?:older (?:men|boys|man|lads)|a (?:much )?older (?:man|boy)|strangers)\\b"
                    + "|\\bpolice (?:brought|found|picked up|returned) (?:him|her|them|my (?:son|daughter|child))\\b|\\bclimb(?:ed|ing|s)? out of (?:the|a|his|her) window|\\bleft the (?:school|site) on (?:his|her) own|\\bnobody noticed (?:he|she|they)(?:'d| had| was| were) (?:gone|missing|left)"),
            // "Cannot cope" is a carer's breaking point when a carer says it, not when children "cannot cope in mainstream";
            // and "breaking point" is one when a carer is at it ("we are at breaking point"), not when a petition says
            // "the system is at breaking point" or "families are at breaking point" of families in general.
            rule(Reason.CARER_AT_BREAKING_POINT, "\\b(?:i|i'?m|me|myself|we|we'?re|we'?ve|us|mum|dad|mother|father|my (?:wife|husband|partner|family)|our family)"
                    + "(?: [\\w']+){0,4}? (?:at|to|reached|reaching|hit|past|beyond)(?: the| a| my| our)? breaking point"
                    + "|\\b(?:i|we|mum|dad|mother|father|parents?|carers?|my (?:wife|husband|partner))"
                    + "(?:'m|'re| am| are| is|'s)? (?:just |really |simply |honestly |now |completely )?"
                    + "(?:can'?t|cannot|can not|couldn'?t|could not|not|am not|are not|is not|isn'?t|aren'?t|struggling to|no longer) cop(?:e|ing)\\b"
                    + "|(?:^|[.!?] )not coping\\b|\\bend of (?:my|our) (?:tether|rope)|\\bat (?:my|our) wits'? end|\\b(?:i|we) (?:have|'ve) nothing left\\b"),
            // "I can't go on" is a carer's alarm; "this cannot go on affecting the most vulnerable" is a petition's demand.
            rule(Reason.CARER_AT_BREAKING_POINT, "\\b(?:i|we|mum|dad|mother|father|my (?:wife|husband|partner))(?: just| really| simply| honestly| now)? (?:can'?t|cannot|can not) (?:go on|carry on|keep going)\\b"
                    + "|\\b(?:can'?t|cannot|can not) (?:do this any ?more|take (?:it|this|any) ?more|keep (?:him|her|them) safe|manage (?:him|her) any ?more)|\\bdon'?t know how (?:much|many) (?:longer|more)"),
            rule(Reason.CARER_AT_BREAKING_POINT, "\\b(?:going to|gonna|about to|will) (?:snap|crack|break down|lose it)|\\bfalling apart\\b|\\bhit rock bottom|\\bnervous breakdown|\\bgive (?:him|her|them) up\\b|\\b(?:put|putting|go|going|place|placing) (?:him|her|them)? ?into care\\b"),
            rule(Reason.CARER_AT_BREAKING_POINT, "\\b(?:scared|afraid|frightened|worried) (?:that )?(?:i|i'?ll|i will|i might) (?:hurt|harm|lose control|lash out|shake)|\\b(?:walk|walking) out on (?:them|my family|my kids)|\\bnot (?:going to|gonna) be here\\b|\\bbe here (?:much|any) longer|\\b(?:i'?m|i am) (?:completely )?(?:broken|drowning)\\b"));

    private final TextModel classifier;
    private final double classifierThreshold;

    /** Rules only. */
    public SafeguardingCheck() {
        this(null, 1.1);
    }

    /** Rules plus a trained binary model whose label "risk" at or above {@code threshold} also flags. */
    public SafeguardingCheck(TextModel classifier, double threshold) {
        this.classifier = classifier;
        this.classifierThreshold = threshold;
    }

    /**
     * The rules, and the classifier on the whole text only ({@code features} null: rules only). A
     * text with its analysis is checked as the tagger checks it by {@link #assess(Analysis, Featuriser)}.
     */
    public Result assess(String text, edu.stanford.nlp.stats.Counter<String> features) {
        return assess(text, features, null, null);
    }

    /** The check exactly as the tagging step runs it: the whole text and each of its sentences read. */
    public Result assess(Analysis analysis, Featuriser featuriser) {
        return assess(analysis.text(), featuriser.features(analysis), analysis, featuriser::features);
    }

    /**
     * As {@link #assess(String, edu.stanford.nlp.stats.Counter)}; when the classifier flags a text of
     * several sentences, each sentence is scored on its own ({@code featurise}) so the flag quotes the
     * one that raised it: a person reads the words, not a probability.
     */
    public Result assess(String text, edu.stanford.nlp.stats.Counter<String> features, Analysis analysis,
                         Function<Analysis, edu.stanford.nlp.stats.Counter<String>> featurise) {
        String normalised = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : RULES) {
            // Every match is tried: a figure of speech first ("kicked out of the team") must not hide harm after it.
            Matcher m = rule.pattern().matcher(normalised);
            while (m.find()) {
                if (idiom(normalised, m)) {
                    continue;
                }
                String evidence = normalised.substring(m.start(), m.end());
                if (findings.stream().noneMatch(f -> f.reason() == rule.reason() && f.evidence().equals(evidence))) {
                    findings.add(new Finding(rule.reason(), evidence));
                }
                break;
            }
        }
        double p = 0;
        if (classifier != null && features != null) {
            ClassifierReading reading = read(text, features, analysis, featurise);
            p = reading.probability();
            if (p >= classifierThreshold) {
                findings.add(new Finding(Reason.CLASSIFIER, quote(reading.evidence())
                        + String.format(Locale.ROOT, " (p=%.2f)", p)));
            }
        }
        return new Result(!findings.isEmpty(), List.copyOf(findings), p);
    }

    private double risk(edu.stanford.nlp.stats.Counter<String> features) {
        return classifier.score(features).themes().stream().filter(t -> t.label().equals("risk"))
                .mapToDouble(ThemeScore::probability).findFirst().orElse(0);
    }

    private record ClassifierReading(double probability, String evidence) {
    }

    /**
     * The classifier's reading of the whole text and of every two consecutive sentences, whichever
     * is riskier; a flag quotes the riskiest single sentence. The classifier learnt from comments of
     * a sentence or two, so that is what it reads: in a parent's long letter one sentence of harm is
     * drowned by the rest (on send-real's 10 risk texts the whole text scored 0.00-0.12, under the
     * threshold), while a sentence read alone loses what it answers ("He's at home with me." after a
     * school place refused scored 0.88: 10 more false alarms in the suite's 350 than reading pairs).
     */
    private ClassifierReading read(String text, edu.stanford.nlp.stats.Counter<String> features, Analysis analysis,
                                   Function<Analysis, edu.stanford.nlp.stats.Counter<String>> featurise) {
        double p = risk(features);
        if (analysis == null || featurise == null) {
            return new ClassifierReading(p, text);
        }
        List<Analysis> passages = analysis.passages(PASSAGE_SENTENCES);
        if (passages.size() > 1) {
            for (Analysis passage : passages) {
                p = Math.max(p, risk(featurise.apply(passage)));
            }
        }
        List<Analysis> sentences = analysis.sentences();
        if (p < classifierThreshold || sentences.size() < 2) {
            return new ClassifierReading(p, text);
        }
        String riskiest = text;
        double highest = -1;
        for (Analysis sentence : sentences) {
            double sentenceP = risk(featurise.apply(sentence));
            if (sentenceP > highest) {
                highest = sentenceP;
                riskiest = sentence.text();
            }
        }
        return new ClassifierReading(p, riskiest);
    }

    private static final int PASSAGE_SENTENCES = 2;

    /** Evidence is read on a phone-sized screen: the words, whitespace collapsed, at most 200 characters. */
    static String quote(String words) {
        String collapsed = words.strip().replaceAll("\\s+", " ");
        return collapsed.length() <= QUOTE_LENGTH ? collapsed : collapsed.substring(0, QUOTE_LENGTH - 1).stripTrailing() + "…";
    }

    private static final int QUOTE_LENGTH = 200;

    /** Figures of speech that reuse a harm word without harm: "panic attack", "knife-edge", "killing time". */
    private static boolean idiom(String text, Matcher m) {
        String before = text.substring(Math.max(0, m.start() - 12), m.start());
        String hit = text.substring(m.start(), m.end());
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 24));
        return (hit.startsWith("attack") && before.matches(".*(?:panic|asthma|heart|anxiety) $"))
                || (hit.equals("knife") && after.startsWith("-edge") || hit.equals("knife") && after.startsWith(" edge"))
                || (hit.startsWith("neglect") && before.matches(".*(?:not|never) $"))
                || (hit.equals("gun") && after.startsWith("-ho"))
                || (hit.equals("knife") && after.startsWith(" and fork"))
                || (hit.startsWith("dragg") && after.startsWith(" feet"))
                || (hit.startsWith("abus") && after.matches("^ of (?:the )?(?:process|power|position).*"))
                || sport(hit, text.substring(m.end(), Math.min(text.length(), m.end() + 60)));
    }

    /**
     * Clubs and sport say "kicked out of swimming lessons", "kicked him off the team" (left out, not
     * harmed) and "got beaten six nil", "beaten in the final" (lost). Kicked out of the house, or
     * beaten up or black and blue, stay alarms.
     */
    private static boolean sport(String hit, String after) {
        return (hit.contains("kick") && SENT_FROM_AN_ACTIVITY.matcher(after).lookingAt())
                || (hit.contains("beat") && !hit.contains("beaten up") && A_RESULT.matcher(after).lookingAt());
    }

    private static final Pattern SENT_FROM_AN_ACTIVITY = Pattern.compile(" (?:off|out of|out from) (?:the |his |her |their |a |an )?(?:\\w+ )?"
            + "(?:team|squad|club|class(?:es)?|lessons?|sessions?|group|training|practice|pitch|court|game|match|league|scouts|cubs|beavers"
            + "|brownies|guides|swimming|football|rugby|cricket|netball|karate|judo|dance|gym|gymnastics|nursery|school|college)\\b");

    private static final Pattern A_RESULT = Pattern.compile(" (?:(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
            + "[- ](?:\\d+|nil|one|two|three|four|five)\\b|on penalties\\b|(?:easily |narrowly )?in (?:the |a )?(?:final|semi-?finals?|semis"
            + "|quarter-?finals?|match|game|cup|league|race|tournament|competition|first round|heats?)\\b)");

    private static Rule rule(Reason reason, String regex) {
        return new Rule(reason, Pattern.compile(regex));
    }
}
