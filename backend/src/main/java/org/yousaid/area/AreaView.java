package org.yousaid.area;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
record AreaView(String id, String name, @io.micronaut.core.annotation.Nullable PrivacyNotice privacyNotice) {
}
