package dev.podbot.demo;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of demo mode ({@code demo.*}, environment variables {@code DEMO_*}); demo mode itself is switched on by
 * {@code bot.demo} (BOT_DEMO).
 */
@ConfigMapping(prefix = "demo")
public interface DemoConfig {

    /** DEMO_CYCLE: real time one full simulated cycle takes (plug in, charge, full, unplug). */
    @WithDefault("2m")
    Duration cycle();

    /** DEMO_APPLY_DELAY: how long schedule, boost and mode changes take to reach a simulated pod. */
    @WithDefault("20s")
    Duration applyDelay();

    /**
     * DEMO_SIM_URL: where the bot reaches the simulator (default http://localhost:{port}/demo/sim). Only needed
     * when the app's own port is not reachable that way.
     */
    Optional<String> simUrl();
}
