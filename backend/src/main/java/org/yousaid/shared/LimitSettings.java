package org.yousaid.shared;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code yousaid.limits.*}: the budgets of {@link WriteBudgets}. Each is a burst of {@code n} that
 * refills evenly over its window. The defaults are far above what a family does (a comment is a
 * considered thing; a survey saves as it goes) and far below what a script does.
 */
@ConfigurationProperties("yousaid.limits")
public record LimitSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "60") int writes,
        @Bindable(defaultValue = "1m") Duration writeWindow,
        @Bindable(defaultValue = "10") int comments,
        @Bindable(defaultValue = "10m") Duration commentWindow,
        @Bindable(defaultValue = "20") int joins,
        @Bindable(defaultValue = "1m") Duration joinWindow) {
}
