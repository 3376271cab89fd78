package org.yousaid.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {

    @Test
    void aWithheldPeriodIsAGapInTheLineAndSaysSo() {
        TrendChart c = TrendChart.of("chart-0", "Equipment in time: trend", "%", List.of(new TrendChart.Value("2026-Q1", 40.0),
                new TrendChart.Value("2026-Q2", null), new TrendChart.Value("2026-Q3", 62.5)), 90.0);

        assertThat(c.points()).extracting(TrendChart.Point::label).containsExactly("40%", "62.5%");
        // The line does not join across a withheld period: that would draw a value nobody may see.
        assertThat(c.segments()).isEmpty();
        assertThat(c.periods()).extracting(TrendChart.Label::text).containsExactly("2026-Q1", "2026-Q2", "withheld", "2026-Q3");
        assertThat(c.description()).isEqualTo("Values by period: 2026-Q1 40%, 2026-Q2 withheld, 2026-Q3 62.5%. Target 90%.");
        assertThat(c.target().label()).isEqualTo("Target 90%");
        // Higher values sit higher; everything stays inside the drawing.
        assertThat(c.points().get(1).y()).isLessThan(c.points().get(0).y());
        assertThat(c.periods()).allSatisfy(l -> assertThat(l.y()).isLessThan(TrendChart.HEIGHT));
        assertThat(c.points().get(0).x()).isGreaterThan(c.left());
        assertThat(c.points().get(1).x()).isLessThan(c.right());
    }

    @Test
    void consecutiveValuesAreJoined() {
        TrendChart c = TrendChart.of("chart-1", "Waiting weeks: trend", "weeks", List.of(new TrendChart.Value("2026-01", 18.0),
                new TrendChart.Value("2026-02", 12.0)), null);

        assertThat(c.segments()).hasSize(1);
        assertThat(c.points()).extracting(TrendChart.Point::label).containsExactly("18 weeks", "12 weeks");
        assertThat(c.target()).isNull();
    }
}
