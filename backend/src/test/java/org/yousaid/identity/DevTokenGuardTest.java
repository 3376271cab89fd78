package org.yousaid.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DevTokenGuardTest {

    @Test
    void devTokensNeedTheDevEnvironmentAndLoopback() {
        assertThatCode(() -> DevTokenGuard.check(true, Set.of("dev"), "127.0.0.1")).doesNotThrowAnyException();
        assertThatCode(() -> DevTokenGuard.check(true, Set.of("dev"), "localhost")).doesNotThrowAnyException();
        assertThatCode(() -> DevTokenGuard.check(false, Set.of("prod"), "0.0.0.0")).doesNotThrowAnyException();
        assertThatThrownBy(() -> DevTokenGuard.check(true, Set.of("prod"), "127.0.0.1")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> DevTokenGuard.check(true, Set.of("dev"), "0.0.0.0")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> DevTokenGuard.check(true, Set.of("dev"), null)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void theServerRefusesToStartWithDevTokensOffLoopback() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(
                "yousaid.auth.dev-tokens.enabled", true,
                "micronaut.server.host", "0.0.0.0"), "test", "dev").close())
                .hasStackTraceContaining("loopback");
    }
}
