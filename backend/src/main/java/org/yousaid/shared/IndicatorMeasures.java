package org.yousaid.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Indicators YouSaid computes from its own data, period by period. Implemented by the feature that
 * holds the data (surveys for answers, responses for themes answered), so the outcomes framework
 * knows none of their tables.
 */
public interface IndicatorMeasures {

    /** What is measured, and from what (a survey and question, or an I-statement tag). */
    @Serdeable
    record Measure(String measure, @Nullable UUID surveyId, @Nullable String questionId, @Nullable String statement) {
    }

    /** A share (0–1) and how many answers or themes it rests on. */
    record Measured(double share, int basedOn) {
    }

    Set<String> measures();

    /** Why the measure cannot be taken in the area (an unknown survey or question), if it cannot. */
    Optional<String> invalid(String areaId, Measure measure);

    /** A period to measure: its name and [from, to). */
    record Window(String period, Instant from, Instant to) {
    }

    /** The share over [from, to), or empty when nothing was measured in it. */
    default Optional<Measured> measure(String areaId, Measure measure, Instant from, Instant to) {
        return Optional.ofNullable(measureEach(areaId, measure, java.util.List.of(new Window("", from, to))).get(""));
    }

    /** The share in each of {@code windows} that has one, by period, in one pass over the data where it can. */
    java.util.Map<String, Measured> measureEach(String areaId, Measure measure, java.util.List<Window> windows);

    /** The fewest answers a published share may rest on (families' answers: 5). */
    default int smallestShown(Measure measure) {
        return 5;
    }

    /** Where the figure comes from, as an indicator value's source says it. */
    String source(Measure measure);
}
