package dev.podbot.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.podbot.BotConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/** Tells, at start-up, where the demo is and how to sign in. */
@ApplicationScoped
public class DemoStartup {

    void announce(@Observes StartupEvent event, BotConfig bot, DemoConfig demo,
            @ConfigProperty(name = "podpoint.api-url") String apiUrl) {
        if (!bot.demo()) {
            return;
        }
        Log.infof("Demo mode: simulated Pod Point account (a full charge cycle every %s); Pod Point API at %s",
                demo.cycle(), apiUrl);
        String page = apiUrl.endsWith("/demo/sim/api") ? apiUrl.substring(0, apiUrl.length() - "demo/sim/api".length())
                : "http://localhost:8080/";
        Log.infof("Demo mode: open the web chat at %s and sign in to the demo account shown there", page);
    }
}
