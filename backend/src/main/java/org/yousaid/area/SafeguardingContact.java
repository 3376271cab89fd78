package org.yousaid.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The area's named safeguarding contact (a designated safeguarding lead or the children's front door). */
@Serdeable
public record SafeguardingContact(String name, String role, @Nullable String phone, @Nullable String email) {
}
