package org.yousaid.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The disclosure rule itself. A reader sees the shown parts and, when shown, the total, and knows
 * that a withheld count is at least 1 (zero is always shown) and a remainder at least 0; from that
 * they must never be able to work out a withheld count, nor even tell that it is under 5.
 */
class CountTableTest {

    @Test
    void theIssuesSentimentTableNoLongerGivesAwayItsSmallCell() {
        // Positive 3 beside mixed 40, negative 57 and a total of 100: 3 was total minus the others.
        CountTable sentiment = CountTable.of(100, 3, 40, 57, 0);
        assertThat(sentiment.withheld(0)).isTrue();
        assertThat(sentiment.withheld(1)).as("the next smallest is withheld with it").isTrue();
        assertThat(sentiment.withheld(2)).isFalse();
        assertThat(sentiment.withheld(3)).as("zero says nothing about anyone").isFalse();
        assertThat(sentiment.totalWithheld()).isFalse();
    }

    @Test
    void aRemainderNeverPrintedDoesNotProtectASmallPart() {
        // Families told us: 3 of the 6 families the response reached; the other 3 are never printed.
        CountTable reach = CountTable.withRemainder(6, 3);
        assertThat(reach.withheld(0)).isTrue();
        assertThat(reach.totalWithheld()).as("6 beside 'fewer than 5' would bound both").isTrue();
        CountTable big = CountTable.withRemainder(40, 12);
        assertThat(big.anyWithheld()).isFalse();
    }

    @Test
    void twoSmallPartsThatTogetherStillGiveThemselvesAwayTakeAThirdOrTheTotal() {
        // 1 and 1 withheld beside 30 of 32: together 2, so both are 1.
        CountTable t = CountTable.of(32, 1, 1, 30);
        assertThat(t.withheld(2) || t.totalWithheld()).isTrue();
        CountTable onlySmall = CountTable.of(6, 1, 1, 1, 3);
        assertThat(onlySmall.totalWithheld()).isTrue();
    }

    @Test
    void aSmallTotalIsWithheldAndSoAreItsParts() {
        CountTable t = CountTable.of(3, 0, 3);
        assertThat(t.totalWithheld()).isTrue();
        assertThat(t.withheld(1)).isTrue();
        assertThat(t.withheld(0)).isFalse();
    }

    @Test
    void aTotalWithheldElsewhereIsNotLeftAsTheSumOfShownParts() {
        CountTable t = CountTable.of(20, 8, 12).withTotalWithheld();
        assertThat(t.totalWithheld()).isTrue();
        assertThat(t.withheld(0)).isTrue();
    }

    @Test
    void partsMustMakeTheirTotal() {
        assertThatThrownBy(() -> CountTable.of(10, 3, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountTable.withRemainder(3, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forManyRandomTablesNoWithheldCountCanBeWorkedOutFromTheShownOnesAndTheTotal() {
        SplittableRandom random = new SplittableRandom(24);
        int checked = 0;
        int withholding = 0;
        for (int run = 0; run < 200_000; run++) {
            int n = 1 + random.nextInt(6);
            long[] parts = new long[n];
            for (int i = 0; i < n; i++) {
                // Mostly small numbers, where the danger is; sometimes large ones.
                parts[i] = random.nextInt(4) == 0 ? random.nextInt(200) : random.nextInt(9);
            }
            long total = Arrays.stream(parts).sum();
            boolean remainder = random.nextBoolean();
            CountTable t;
            if (remainder) {
                // The last part is the remainder.
                t = CountTable.withRemainder(total, Arrays.copyOf(parts, n - 1));
            } else {
                t = CountTable.of(total, parts);
            }
            if (random.nextInt(10) == 0) {
                t = t.withTotalWithheld();
            }
            checked++;
            withholding += t.anyWithheld() ? 1 : 0;
            check(t, parts, total, remainder);
        }
        assertThat(checked).isEqualTo(200_000);
        assertThat(withholding).isGreaterThan(10_000);
    }

    private static void check(CountTable t, long[] parts, long total, boolean remainder) {
        String table = "total " + total + " parts " + Arrays.toString(parts) + (remainder ? " (last is a remainder)" : "");
        int printed = remainder ? parts.length - 1 : parts.length;
        // Primary: 1 to 4 is never shown; zero always is.
        if (CountTable.small(total)) {
            assertThat(t.totalWithheld()).as(table).isTrue();
        }
        for (int i = 0; i < printed; i++) {
            if (CountTable.small(parts[i])) {
                assertThat(t.withheld(i)).as(table).isTrue();
            }
            if (parts[i] == 0) {
                assertThat(t.withheld(i)).as(table).isFalse();
            }
        }
        int withheld = 0;
        long unknown = total;
        for (int i = 0; i < printed; i++) {
            if (t.withheld(i)) {
                withheld++;
            } else {
                unknown -= parts[i];
            }
        }
        int hiddenCells = withheld + (remainder ? 1 : 0);
        if (t.totalWithheld()) {
            // Not the sum of shown parts.
            assertThat(hiddenCells).as(table).isGreaterThan(0);
            return;
        }
        if (withheld == 0) {
            return;
        }
        // The reader knows the withheld cells (each >= 1) and the remainder (>= 0) add up to `unknown`.
        assertThat(hiddenCells).as(table + ": a lone withheld cell is the total minus the rest").isGreaterThanOrEqualTo(2);
        long most = unknown - (withheld - 1);
        assertThat(most).as(table + ": each withheld cell could be 5 or more").isGreaterThanOrEqualTo(CountTable.SMALLEST_SHOWN);
    }
}
