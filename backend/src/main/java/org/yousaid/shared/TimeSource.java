package org.yousaid.shared;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

@Factory
final class TimeSource {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
