package dev.podbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer sees from the packaged jar when they get something wrong, and when they get it right. */
class StartupMessagesIT {

    @TempDir
    Path work;

    /** Starts the jar, expects it to give up on its own with a non-zero code, and returns what it printed. */
    String refusedStart(PackagedApp app) throws Exception {
        app.start();
        assertThat(app.process.waitFor(90, TimeUnit.SECONDS)).as("exited; log:\n" + app.logTail()).isTrue();
        assertThat(app.process.exitValue()).isNotZero();
        String log = app.logText();
        assertThat(log).doesNotContain("\tat ").doesNotContain("Exception");
        return log;
    }

    @Test
    void everyConfigurationProblemIsOneLineAndThereIsNoStackTrace() throws Exception {
        try (PackagedApp app = new PackagedApp(work)) {
            app.freshDatabase(work, "podbot_it_badconfig");
            app.env.put("TELEGRAM_BOT_TOKEN", "hello");
            app.env.put("TELEGRAM_API_URL", "http://127.0.0.1:" + PackagedApp.freePort());
            assertThat(refusedStart(app)).contains("podpoint-bot cannot start")
                    .contains("\n  - TELEGRAM_BOT_TOKEN does not look like a bot token")
                    .contains("\n  - BOT_ENCRYPTION_KEY is not set").contains("openssl rand -base64 32")
                    .doesNotContain("hello");
        }
    }

    @Test
    void malformedSettingsAreOurLinesNamingTheEnvironmentVariableNotQuarkusValidation() throws Exception {
        try (PackagedApp app = new PackagedApp(work)) {
            app.freshDatabase(work, "podbot_it_malformed");
            app.env.put("TELEGRAM_BOT_TOKEN", "7000000001:ZZF4k3-t0ken_For-Tests_0123456789abc");
            app.env.put("TELEGRAM_API_URL", "http://127.0.0.1:" + PackagedApp.freePort());
            app.env.put("BOT_POLL_INTERVAL", "fortnightly");
            app.env.put("NOTIFY_TIMEZONE", "Mars/Base");
            app.env.put("TELEGRAM_WORKERS", "eight");
            app.env.put("NOTIFY_ENABLED", "maybe");
            assertThat(refusedStart(app)).contains("podpoint-bot cannot start")
                    .contains("\n  - BOT_POLL_INTERVAL must be a duration such as 30s, 5m or 1h")
                    .contains("\n  - TELEGRAM_WORKERS must be a whole number")
                    .contains("\n  - NOTIFY_ENABLED must be true or false")
                    .contains("\n  - NOTIFY_TIMEZONE must be a time zone")
                    .contains("\n  - BOT_ENCRYPTION_KEY is not set") // and the other problems, all at once
                    .doesNotContain("SRCFG").doesNotContain("Configuration validation failed")
                    .doesNotContain("bot.poll-interval").doesNotContain("fortnightly").doesNotContain("Mars");
        }
    }

    @Test
    void aTakenPortNamesQuarkusHttpPort() throws Exception {
        try (PackagedApp app = new PackagedApp(work); ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", app.port));
            app.freshDatabase(work, "podbot_it_port");
            app.env.put("BOT_DEMO", "true");
            assertThat(refusedStart(app)).contains("Port " + app.port + " is already in use")
                    .contains("set QUARKUS_HTTP_PORT to a free port");
        }
    }

    @Test
    void theDemoStartsWithoutWarnings() throws Exception {
        try (PackagedApp app = new PackagedApp(work)) {
            app.freshDatabase(work, "podbot_it_demo");
            app.env.put("BOT_DEMO", "true");
            app.start();
            app.awaitLive(Duration.ofSeconds(90));
            assertThat(app.logText()).contains("Demo mode: open the web chat");
            // the poller starts with the scheduler's first ticks (every second): no warning in the first seconds
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> app.logText().lines()
                    .noneMatch(l -> l.contains(" WARN ") || l.contains(" ERROR ")));
        }
    }
}
