package org.yousaid.area;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/** The area's privacy notice, which the app shows before a family first speaks: where it is, and when it last changed. */
@Serdeable
@Introspected
public record PrivacyNotice(String url, @Nullable LocalDate updatedOn) {

    static boolean valid(String url) {
        return url.length() <= 500 && url.matches("https://\\S+");
    }
}
