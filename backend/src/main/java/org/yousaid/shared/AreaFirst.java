package org.yousaid.shared;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A queue's lease on PostgreSQL distributed by area (Citus), which locks rows on one shard at a
 * time: the areas with due rows first (read without a lock, oldest first), then one row locked
 * within one area; an area whose only due row another worker holds sends this one to the next.
 */
public final class AreaFirst {

    private AreaFirst() {
    }

    public static <T> Optional<T> lease(List<String> dueAreas, Function<String, Optional<T>> withinArea) {
        for (String areaId : dueAreas) {
            Optional<T> leased = withinArea.apply(areaId);
            if (leased.isPresent()) {
                return leased;
            }
        }
        return Optional.empty();
    }
}
