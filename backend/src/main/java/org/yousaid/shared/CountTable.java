package org.yousaid.shared;

import java.util.Arrays;

/**
 * The one rule for publishing counts about families, their words, answers and cases: a total and the
 * parts that add up to it, as a table, API response or CSV shows them together.
 *
 * <p>Primary suppression: a count from 1 to 4 is withheld (a small number could point at a family).
 * Secondary (complementary) suppression, so that no withheld count can be worked out from the
 * others: while the total is shown and some part is withheld, at least two parts must be withheld
 * and together hide enough that each of them could be 5 or more; if not, the next smallest shown
 * part is withheld too, and when none is left, the total. A withheld total is never left derivable
 * from its parts. A remainder ("not handled", "not escalated") is a part that is never printed; it
 * counts in the sums but does not protect on its own, since a reader may know it from elsewhere.
 * Zero is always shown: it withholds nothing about anyone.
 */
public final class CountTable {

    /** Below this, a count is withheld. */
    public static final int SMALLEST_SHOWN = 5;

    private final long total;
    private final long[] parts;
    private final boolean[] printed;
    private final boolean[] withheld;
    private final boolean totalWithheld;

    private CountTable(long total, long[] parts, boolean[] printed, boolean forceTotal) {
        this.total = total;
        this.parts = parts;
        this.printed = printed;
        this.withheld = new boolean[parts.length];
        boolean totalOut = (forceTotal && total > 0) || small(total);
        for (int i = 0; i < parts.length; i++) {
            withheld[i] = printed[i] && small(parts[i]);
        }
        while (true) {
            int k = 0;
            long hidden = 0;
            boolean remainder = false;
            for (int i = 0; i < parts.length; i++) {
                if (withheld[i]) {
                    k++;
                    hidden += parts[i];
                } else if (!printed[i]) {
                    remainder = remainder || parts[i] > 0;
                    hidden += parts[i];
                }
            }
            if (totalOut) {
                // A withheld total must not be the sum of parts all shown.
                if (k == 0 && !remainder && withholdSmallestShown()) {
                    continue;
                }
                break;
            }
            if (k == 0 || (k >= 2 && hidden - (k - 1) >= SMALLEST_SHOWN)) {
                break;
            }
            if (!withholdSmallestShown()) {
                totalOut = true;
            }
        }
        this.totalWithheld = totalOut;
    }

    /** A count shown on its own: withheld from 1 to 4. */
    public static boolean small(long n) {
        return n > 0 && n < SMALLEST_SHOWN;
    }

    /** A total and all its parts, every one printed; the parts must add up to the total. */
    public static CountTable of(long total, long... parts) {
        if (Arrays.stream(parts).sum() != total || Arrays.stream(parts).anyMatch(p -> p < 0)) {
            throw new IllegalArgumentException("parts " + Arrays.toString(parts) + " do not make the total " + total);
        }
        boolean[] printed = new boolean[parts.length];
        Arrays.fill(printed, true);
        return new CountTable(total, parts.clone(), printed, false);
    }

    /**
     * A total and some of its parts; what is left (total minus the parts) is a remainder never printed.
     * The last index is the remainder's.
     */
    public static CountTable withRemainder(long total, long... parts) {
        long rest = total - Arrays.stream(parts).sum();
        if (rest < 0 || Arrays.stream(parts).anyMatch(p -> p < 0)) {
            throw new IllegalArgumentException("parts " + Arrays.toString(parts) + " exceed the total " + total);
        }
        long[] all = Arrays.copyOf(parts, parts.length + 1);
        all[parts.length] = rest;
        boolean[] printed = new boolean[all.length];
        Arrays.fill(printed, 0, parts.length, true);
        return new CountTable(total, all, printed, false);
    }

    /** The same table with its total withheld (unless 0), as when the same total is withheld in another table beside it. */
    public CountTable withTotalWithheld() {
        return new CountTable(total, parts, printed, true);
    }

    public long total() {
        return total;
    }

    public long part(int i) {
        return parts[i];
    }

    public boolean totalWithheld() {
        return totalWithheld;
    }

    public boolean withheld(int part) {
        return withheld[part];
    }

    /** Whether any printed part or the total is withheld. */
    public boolean anyWithheld() {
        if (totalWithheld) {
            return true;
        }
        for (boolean w : withheld) {
            if (w) {
                return true;
            }
        }
        return false;
    }

    private boolean withholdSmallestShown() {
        int smallest = -1;
        for (int i = 0; i < parts.length; i++) {
            if (printed[i] && !withheld[i] && parts[i] > 0 && (smallest < 0 || parts[i] < parts[smallest])) {
                smallest = i;
            }
        }
        if (smallest < 0) {
            return false;
        }
        withheld[smallest] = true;
        return true;
    }
}
