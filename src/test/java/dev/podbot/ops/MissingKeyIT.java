package dev.podbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without BOT_ENCRYPTION_KEY the packaged jar refuses to start and says how to make a key. */
class MissingKeyIT {

    @TempDir
    Path work;

    @Test
    void refusesToStartWithoutAnEncryptionKey() throws Exception {
        try (PackagedApp app = new PackagedApp(work)) {
            app.freshDatabase(work, "podbot_it_nokey");
            app.env.put("TELEGRAM_BOT_TOKEN", "123:not-used-because-the-app-must-not-start");
            app.env.put("TELEGRAM_API_URL", "http://127.0.0.1:" + PackagedApp.freePort());
            app.env.put("PODPOINT_API_URL", "http://127.0.0.1:" + PackagedApp.freePort());
            app.start();
            assertThat(app.process.waitFor(90, TimeUnit.SECONDS)).as("exited; log:\n" + app.logTail()).isTrue();
            assertThat(app.process.exitValue()).isNotZero();
            assertThat(app.logText()).contains("BOT_ENCRYPTION_KEY").contains("openssl rand -base64 32");
        }
    }
}
