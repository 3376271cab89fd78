package org.yousaid.response;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/** The outcomes and indicators a response aims to move. */
@Serdeable
record Aims(List<UUID> outcomes, List<UUID> indicators) {

    Aims {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}
