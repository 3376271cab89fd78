package org.yousaid.tagging.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How far two people labelling the same texts by the guide agree: Cohen's kappa for each theme
 * (given or not, text by text), their mean, the texts given exactly the same themes, and sentiment
 * and risk. A theme neither pass gave any text has no kappa (nothing to agree on) and is listed apart.
 */
final class Agreement {

    record Labelled(Set<String> themes, int sentiment, boolean risk) {
    }

    private Agreement() {
    }

    /** id → labels, from a TSV with the columns id, labels (semicolon-separated), sentiment, risk. */
    static Map<String, Labelled> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split("\t"));
        int id = header.indexOf("id");
        int labels = header.indexOf("labels");
        int sentiment = header.indexOf("sentiment");
        int risk = header.indexOf("risk");
        if (id < 0 || labels < 0 || sentiment < 0 || risk < 0) {
            throw new IllegalArgumentException(file + ": needs the columns id, labels, sentiment, risk");
        }
        Map<String, Labelled> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Set<String> themes = new TreeSet<>();
            for (String t : f[labels].split(";")) {
                if (!t.isBlank()) {
                    themes.add(t.strip());
                }
            }
            out.put(f[id], new Labelled(themes, Integer.parseInt(f[sentiment].strip()), f[risk].strip().equals("risk")));
        }
        return out;
    }

    /** Cohen's kappa of two yes/no codings of the same items; NaN when chance agreement is total. */
    static double kappa(boolean[] a, boolean[] b) {
        int n = a.length;
        int both = 0;
        int agree = 0;
        int aYes = 0;
        int bYes = 0;
        for (int i = 0; i < n; i++) {
            agree += a[i] == b[i] ? 1 : 0;
            both += a[i] && b[i] ? 1 : 0;
            aYes += a[i] ? 1 : 0;
            bYes += b[i] ? 1 : 0;
        }
        double po = agree / (double) n;
        double pe = (aYes / (double) n) * (bYes / (double) n) + ((n - aYes) / (double) n) * ((n - bYes) / (double) n);
        return pe >= 1.0 ? Double.NaN : (po - pe) / (1 - pe);
    }

    static void run(Path first, Path second, List<String> themes, PrintStream out) throws IOException {
        Map<String, Labelled> a = read(first);
        Map<String, Labelled> b = read(second);
        List<String> ids = new ArrayList<>(a.keySet());
        ids.retainAll(b.keySet());
        if (ids.size() != a.size() || ids.size() != b.size()) {
            out.printf(Locale.ROOT, "only the %d texts in both files are compared (%d and %d given)%n", ids.size(), a.size(), b.size());
        }
        int n = ids.size();
        out.printf(Locale.ROOT, "%-32s %6s %6s %6s %7s%n", "theme", "first", "second", "both", "kappa");
        double sum = 0;
        int counted = 0;
        List<String> unused = new ArrayList<>();
        for (String theme : themes) {
            boolean[] x = new boolean[n];
            boolean[] y = new boolean[n];
            int bothYes = 0;
            for (int i = 0; i < n; i++) {
                x[i] = a.get(ids.get(i)).themes().contains(theme);
                y[i] = b.get(ids.get(i)).themes().contains(theme);
                bothYes += x[i] && y[i] ? 1 : 0;
            }
            double k = kappa(x, y);
            if (Double.isNaN(k)) {
                unused.add(theme);
                continue;
            }
            sum += k;
            counted++;
            out.printf(Locale.ROOT, "%-32s %6d %6d %6d %7.3f%n", theme, count(x), count(y), bothYes, k);
        }
        out.printf(Locale.ROOT, "mean kappa over %d themes: %.3f%n", counted, counted == 0 ? Double.NaN : sum / counted);
        if (!unused.isEmpty()) {
            out.println("given by neither pass: " + String.join(", ", unused));
        }
        int sameSet = 0;
        int sameSentiment = 0;
        int withinOne = 0;
        boolean[] riskA = new boolean[n];
        boolean[] riskB = new boolean[n];
        for (int i = 0; i < n; i++) {
            Labelled x = a.get(ids.get(i));
            Labelled y = b.get(ids.get(i));
            sameSet += x.themes().equals(y.themes()) ? 1 : 0;
            sameSentiment += x.sentiment() == y.sentiment() ? 1 : 0;
            withinOne += Math.abs(x.sentiment() - y.sentiment()) <= 1 ? 1 : 0;
            riskA[i] = x.risk();
            riskB[i] = y.risk();
        }
        out.printf(Locale.ROOT, "texts given exactly the same themes: %d of %d%n", sameSet, n);
        out.printf(Locale.ROOT, "sentiment: the same %d of %d, within one %d of %d%n", sameSentiment, n, withinOne, n);
        out.printf(Locale.ROOT, "risk: kappa %.3f (first %d, second %d)%n", kappa(riskA, riskB), count(riskA), count(riskB));
    }

    private static int count(boolean[] v) {
        int c = 0;
        for (boolean x : v) {
            c += x ? 1 : 0;
        }
        return c;
    }
}
