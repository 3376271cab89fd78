package org.yousaid.identity;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes dev tokens impossible to switch on anywhere a stranger could reach. */
@Context
final class DevTokenGuard {

    private static final Logger LOG = LoggerFactory.getLogger(DevTokenGuard.class);

    DevTokenGuard(DevTokens devTokens, Environment environment,
                  @Nullable @Value("${micronaut.server.host:}") String host) {
        check(devTokens.enabled(), environment.getActiveNames(), host);
        if (devTokens.enabled()) {
            LOG.warn("DEV TOKENS ENABLED: 'Bearer dev:<uid>' acts as any user. Never use this outside a developer's machine.");
        }
    }

    static void check(boolean enabled, Set<String> environments, @Nullable String host) {
        if (!enabled) {
            return;
        }
        if (!environments.contains(Environment.DEVELOPMENT)) {
            throw new ConfigurationException("yousaid.auth.dev-tokens.enabled is allowed only in the 'dev' environment");
        }
        if (!isLoopback(host)) {
            throw new ConfigurationException("dev tokens need the server bound to loopback: set micronaut.server.host=127.0.0.1");
        }
    }

    private static boolean isLoopback(@Nullable String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
