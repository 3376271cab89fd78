package org.yousaid.tagging.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yousaid.tagging.engine.RedactionSpan.Kind;

/**
 * Proposes redaction spans for the personal details a family may type: names, places below county
 * level, schools, email addresses, UK phone numbers, NHS numbers, postcodes, dates of birth and a named
 * child's age. Patterns catch what has a shape; CoreNLP's NER plus gazetteers catch names and places.
 * Recall comes first: a moderator un-ticks a wrong span in a second, a missed child's name is public.
 */
public final class Redactor {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+'-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d])(?:(?:\\+|00)\\s?44\\s?\\(?0?\\)?\\s?|\\(?0)(?:\\d[\\s\\-)]?){9,10}(?![\\d])");
    private static final Pattern TEN_DIGITS = Pattern.compile("(?<![\\d])(\\d{3})[\\s-]?(\\d{3})[\\s-]?(\\d{4})(?![\\d])");
    private static final Pattern POSTCODE = Pattern.compile(
            "\\b(?:[A-Za-z]{1,2}\\d[A-Za-z\\d]?)\\s*\\d[A-Za-z]{2}\\b");
    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern DATE = Pattern.compile("(?i)\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+\\d{4}"
            + "|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
            + "|\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern BIRTH_CUE = Pattern.compile("(?i)\\b(born|d\\.?o\\.?b\\.?|date of birth|birthday|birth date)\\b");
    private static final String AGE_UNIT = "(?:[\\s-]*(?:years?|yrs?|months?)[\\s-]*old)";
    private static final Pattern AGE = Pattern.compile("(?i)(?:\\baged?\\s+\\d{1,2}(?:\\s+(?:years?|months?))?"
            + "|\\b\\d{1,2}" + AGE_UNIT + "|\\b\\d{1,2}\\s*(?:yo|y/o|yrs)\\b"
            + "|\\b(?:is|was|turned|turns|now)\\s+(?:only\\s+|just\\s+|nearly\\s+|almost\\s+)?\\d{1,2}" + AGE_UNIT + "?"
            + "(?!\\s*(?:%|weeks?|months?|hours?|minutes?|times|days?|miles|pounds|sessions|o'clock|[:.]\\d))\\b"
            + "|\\(\\s*\\d{1,2}\\s*\\)|(?<=,\\s?)\\d{1,2}(?=\\s*,))");
    private static final Pattern STREET = Pattern.compile("\\b\\d{1,4}[a-zA-Z]?,?\\s+(?:[A-Z][a-z]+\\s+){1,3}"
            + "(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Grove|Gardens|Place|Court|Terrace|Walk|Mews|Hill|Rise|View)\\b");
    private static final Set<String> SCHOOL_WORDS = Set.of("school", "primary", "academy", "college", "infants",
            "infant", "juniors", "junior", "nursery", "pre-school", "preschool", "high", "grammar", "secondary");
    private static final Set<String> SCHOOL_ENDS = Set.of("school", "primary", "academy", "college", "infants",
            "juniors", "nursery", "pre-school", "preschool");
    private static final Set<String> GENERIC_LEADS = Set.of("the", "a", "an", "our", "my", "his", "her", "their",
            "special", "primary", "secondary", "mainstream", "independent", "local", "new", "old", "this", "that",
            "state", "free", "grammar", "high", "junior", "infant", "sixth", "further", "village", "catholic", "church",
            // Kinds of schooling, not schools: "Home School", "Forest School", "Emotionally Based School Avoidance".
            "home", "at", "in", "to", "from", "for", "emotionally", "based", "forest", "hospital", "boarding", "residential",
            "day", "specialist", "alternative", "faith", "holiday", "summer", "sunday", "after", "breakfast", "no", "any", "every");
    /** Seasons and months that are also first names ("Summer", "May"): a person only when named as one. */
    private static final Set<String> SEASONS_AND_MONTHS = Set.of("Summer", "Autumn", "Winter", "Spring", "May", "April", "June",
            "July", "August", "January");
    private static final Set<String> NAME_CUES = Set.of("son", "daughter", "child", "boy", "girl", "brother",
            "sister", "called", "named", "grandson", "granddaughter", "twin", "twins", "stepson", "stepdaughter",
            "nephew", "niece", "husband", "wife", "partner", "mum", "dad", "teacher", "senco", "worker", "dr", "mr",
            "mrs", "ms", "miss", "nurse", "therapist");

    private final Set<String> firstNames;
    private final Set<String> ambiguousNames;
    private final List<List<String>> places;
    private final Set<String> notPersonal;

    public Redactor() {
        this.firstNames = words("first-names.txt");
        this.ambiguousNames = words("ambiguous-names.txt");
        this.notPersonal = lines("not-personal.txt");
        this.places = lines("places.txt").stream()
                .map(p -> List.of(p.toLowerCase(Locale.ROOT).split("\\s+"))).toList();
    }

    public List<RedactionSpan> spans(Analysis analysis) {
        String text = analysis.text();
        List<RedactionSpan> spans = new ArrayList<>();
        find(EMAIL, text, Kind.EMAIL, spans);
        Matcher digits = TEN_DIGITS.matcher(text);
        while (digits.find()) {
            if (NhsNumber.valid(digits.group(1) + digits.group(2) + digits.group(3))) {
                spans.add(new RedactionSpan(digits.start(), digits.end(), Kind.NHS_NUMBER));
            }
        }
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
            RedactionSpan span = new RedactionSpan(phone.start(), trimEnd(text, phone.end()), Kind.PHONE);
            if (spans.stream().noneMatch(span::overlaps)) {
                spans.add(span);
            }
        }
        find(POSTCODE, text, Kind.POSTCODE, spans);
        find(STREET, text, Kind.PLACE, spans);
        datesOfBirth(text, spans);
        List<RedactionSpan> people = new ArrayList<>();
        tokenSpans(analysis.tokens(), spans, people);
        ages(analysis, people, spans);
        return merge(spans);
    }

    private void tokenSpans(List<Token> tokens, List<RedactionSpan> spans, List<RedactionSpan> people) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int placeLength = placeAt(tokens, i);
            if (placeLength > 0) {
                spans.add(new RedactionSpan(t.begin(), tokens.get(i + placeLength - 1).end(), Kind.PLACE));
                i += placeLength - 1;
                continue;
            }
            int schoolEnd = schoolEnd(tokens, i);
            if (schoolEnd > i) {
                spans.add(new RedactionSpan(t.begin(), tokens.get(schoolEnd).end(), Kind.SCHOOL));
                i = schoolEnd;
                continue;
            }
            switch (t.ner()) {
                case "PERSON" -> {
                    int j = runEnd(tokens, i, "PERSON");
                    if (!allNotPersonal(tokens, i, j)) {
                        RedactionSpan span = new RedactionSpan(t.begin(), tokens.get(j).end(), Kind.PERSON);
                        spans.add(span);
                        people.add(span);
                    }
                    i = j;
                }
                case "LOCATION" -> {
                    int j = runEnd(tokens, i, "LOCATION");
                    if (!allNotPersonal(tokens, i, j)) {
                        spans.add(new RedactionSpan(t.begin(), tokens.get(j).end(), Kind.PLACE));
                    }
                    i = j;
                }
                default -> {
                    if (isFirstName(tokens, i)) {
                        int j = i;
                        while (j + 1 < tokens.size() && looksLikeSurname(tokens.get(j + 1))) {
                            j++;
                        }
                        RedactionSpan span = new RedactionSpan(t.begin(), tokens.get(j).end(), Kind.PERSON);
                        spans.add(span);
                        people.add(span);
                        i = j;
                    }
                }
            }
        }
    }

    private boolean isFirstName(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (!t.isCapitalised() || t.word().length() < 2) {
            return false;
        }
        if (i > 0 && tokens.get(i - 1).word().matches("St\\.?|Saint")) {
            return false;
        }
        String word = t.word().endsWith("'s") ? t.word().substring(0, t.word().length() - 2) : t.word();
        if (firstNames.contains(word)) {
            return true;
        }
        if (!ambiguousNames.contains(word)) {
            return false;
        }
        boolean cued = i > 0 && NAME_CUES.contains(tokens.get(i - 1).lower().replace(".", ""));
        boolean possessive = i + 1 < tokens.size() && tokens.get(i + 1).word().equals("'s");
        boolean surname = i + 1 < tokens.size() && looksLikeSurname(tokens.get(i + 1));
        boolean withAge = i + 2 < tokens.size() && (tokens.get(i + 1).lower().matches("is|turned|,|\\(")
                && tokens.get(i + 2).word().matches("\\d{1,2}"));
        if (SEASONS_AND_MONTHS.contains(word)) {
            // "Summer is always hard" is the season; "my daughter Summer", "Summer Jones", "Summer loves
            // school" and "Summer has been waiting" are a child.
            boolean doing = i + 1 < tokens.size() && tokens.get(i + 1).lower().matches(
                    "needs|loves|goes|went|attends|likes|hates|started|gets|got|can|ca|does|doesn't|uses|wants|cried|cries|screams|refuses|struggles");
            boolean hasBeenDoing = i + 3 < tokens.size() && tokens.get(i + 1).lower().matches("has|had")
                    && tokens.get(i + 2).lower().equals("been") && tokens.get(i + 3).pos().equals("VBG");
            return cued || (surname && !SEASONS_AND_MONTHS.contains(tokens.get(i + 1).word())) || withAge || doing || hasBeenDoing;
        }
        boolean subject = i + 1 < tokens.size() && tokens.get(i + 1).lower().matches("has|had|was|goes|went|is|needs|loves|can|ca|can't|does|doesn't|gets|got|started|finally|uses|attends|likes|hates|and");
        boolean sentenceStart = i == 0 || tokens.get(i - 1).sentence() != t.sentence();
        return cued || possessive || surname || withAge || (subject && !sentenceStart) || (subject && sentenceStart && !word.equals("Will") && !word.equals("May"));
    }

    private boolean looksLikeSurname(Token t) {
        return t.isCapitalised() && t.word().length() > 1 && t.word().chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'')
                && (t.ner().equals("PERSON") || (!t.pos().startsWith("VB") && !t.pos().equals("PRP") && !t.pos().equals("DT")
                && !t.pos().equals("IN") && !t.pos().equals("CC") && !t.pos().startsWith("W")
                && !SCHOOL_WORDS.contains(t.lower()) && !notPersonal.contains(t.lower())));
    }

    private int placeAt(List<Token> tokens, int i) {
        if (!tokens.get(i).isCapitalised()) {
            return 0;
        }
        for (List<String> place : places) {
            if (i + place.size() <= tokens.size()) {
                boolean match = true;
                for (int k = 0; k < place.size() && match; k++) {
                    match = tokens.get(i + k).lower().equals(place.get(k));
                }
                if (match && !(i + place.size() < tokens.size() && SCHOOL_ENDS.contains(tokens.get(i + place.size()).lower()))) {
                    return place.size();
                }
            }
        }
        return 0;
    }

    /** End index of a school name starting at i ("St Mary's C of E Primary", "Oakwood Academy"), else i-1. */
    private int schoolEnd(List<Token> tokens, int i) {
        Token first = tokens.get(i);
        if (!first.isCapitalised() || GENERIC_LEADS.contains(first.lower()) || SCHOOL_WORDS.contains(first.lower())) {
            return i - 1;
        }
        int j = i;
        int end = i - 1;
        while (j < tokens.size() && j - i < 8) {
            Token t = tokens.get(j);
            boolean connector = t.word().equals("'s") || t.lower().equals("of") || t.lower().equals("e")
                    || t.word().equals("&") || t.lower().equals("and") || t.word().equals("-");
            if (!t.isCapitalised() && !connector) {
                break;
            }
            if (SCHOOL_ENDS.contains(t.lower()) || (t.lower().equals("high") && j + 1 < tokens.size()
                    && tokens.get(j + 1).lower().equals("school"))) {
                end = j;
                if (t.lower().equals("high")) {
                    end = ++j;
                }
            }
            j++;
        }
        return end;
    }

    private static int runEnd(List<Token> tokens, int i, String ner) {
        int j = i;
        while (j + 1 < tokens.size() && tokens.get(j + 1).ner().equals(ner)) {
            j++;
        }
        return j;
    }

    private boolean allNotPersonal(List<Token> tokens, int from, int to) {
        StringBuilder phrase = new StringBuilder();
        for (int k = from; k <= to; k++) {
            if (k > from) {
                phrase.append(' ');
            }
            phrase.append(tokens.get(k).lower());
        }
        if (notPersonal.contains(phrase.toString())) {
            return true;
        }
        for (int k = from; k <= to; k++) {
            if (!notPersonal.contains(tokens.get(k).lower())) {
                return false;
            }
        }
        return true;
    }

    private static void datesOfBirth(String text, List<RedactionSpan> spans) {
        Matcher date = DATE.matcher(text);
        while (date.find()) {
            int windowStart = Math.max(0, date.start() - 40);
            int windowEnd = Math.min(text.length(), date.end() + 20);
            if (BIRTH_CUE.matcher(text.substring(windowStart, windowEnd)).find()) {
                spans.add(new RedactionSpan(date.start(), date.end(), Kind.DATE_OF_BIRTH));
            }
        }
    }

    /** Ages are personal only beside a named child: "Amelia is 7", "my son Jack (aged 9)". */
    private static void ages(Analysis analysis, List<RedactionSpan> people, List<RedactionSpan> spans) {
        if (people.isEmpty()) {
            return;
        }
        String text = analysis.text();
        Matcher age = AGE.matcher(text);
        while (age.find()) {
            int sentence = sentenceAt(analysis, age.start());
            boolean named = people.stream().anyMatch(p -> sentenceAt(analysis, p.begin()) == sentence);
            RedactionSpan span = new RedactionSpan(age.start(), age.end(), Kind.AGE);
            if (named && spans.stream().noneMatch(span::overlaps)) {
                spans.add(span);
            }
        }
    }

    private static int sentenceAt(Analysis analysis, int offset) {
        int sentence = 0;
        for (Token t : analysis.tokens()) {
            if (t.begin() > offset) {
                break;
            }
            sentence = t.sentence();
        }
        return sentence;
    }

    private static void find(Pattern pattern, String text, Kind kind, List<RedactionSpan> spans) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            RedactionSpan span = new RedactionSpan(m.start(), m.end(), kind);
            if (spans.stream().noneMatch(span::overlaps)) {
                spans.add(span);
            }
        }
    }

    private static int trimEnd(String text, int end) {
        while (end > 0 && !Character.isDigit(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Keeps the first-found span where two overlap (patterns run before names), then orders by offset. */
    private static List<RedactionSpan> merge(List<RedactionSpan> spans) {
        List<RedactionSpan> kept = new ArrayList<>();
        for (RedactionSpan span : spans) {
            if (kept.stream().noneMatch(span::overlaps)) {
                kept.add(span);
            }
        }
        kept.sort(Comparator.comparingInt(RedactionSpan::begin));
        return kept;
    }

    private static Set<String> words(String resource) {
        Set<String> words = new HashSet<>();
        for (String line : lines(resource)) {
            words.addAll(List.of(line.split("\\s+")));
        }
        return words;
    }

    private static Set<String> lines(String resource) {
        try (InputStream in = Redactor.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Set<String> lines = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
