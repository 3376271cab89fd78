package org.yousaid.rights;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How long words and records are kept ({@code yousaid.retention.*}). Withdrawn words have no
 * period: they go the moment the family takes them back. Published words have none either: they
 * stay until the family withdraws them or asks for erasure.
 */
@ConfigurationProperties("yousaid.retention")
record RetentionSettings(boolean sweep, Duration every, Duration rejectedWords, Duration unreviewedWords,
                         Duration pushRecords, Duration expiredInvitations) {
}
