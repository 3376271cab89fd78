package org.yousaid.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Dev tokens ({@code Authorization: Bearer dev:<uid>}) let a newcomer try the API with curl as
 * the demo users. {@link DevTokenGuard} refuses to start with them outside the {@code dev}
 * environment or off loopback.
 */
@ConfigurationProperties("yousaid.auth.dev-tokens")
record DevTokens(@Bindable(defaultValue = "false") boolean enabled) {
}
