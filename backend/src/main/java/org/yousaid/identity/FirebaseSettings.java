package org.yousaid.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * @param projectId       the Firebase project whose ID tokens are accepted
 * @param credentialsFile a service-account JSON, needed only for revocation checks
 */
@ConfigurationProperties("yousaid.firebase")
record FirebaseSettings(String projectId, @Nullable String credentialsFile) {
}
