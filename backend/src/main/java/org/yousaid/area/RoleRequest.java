package org.yousaid.area;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/** Body of both joining (family or young person) and granting a role. */
@Serdeable
record RoleRequest(@NotBlank String role) {
}
