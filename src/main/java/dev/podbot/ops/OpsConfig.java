package dev.podbot.ops;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Operations settings ({@code ops.*}, environment variables {@code OPS_*}). */
@ConfigMapping(prefix = "ops")
public interface OpsConfig {

    Health health();

    interface Health {
        /** OPS_HEALTH_CACHE_TTL: how long a Telegram/Pod Point probe result is reused. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** OPS_HEALTH_TIMEOUT: connect and request timeout of one probe. */
        @WithDefault("3s")
        Duration timeout();
    }
}
