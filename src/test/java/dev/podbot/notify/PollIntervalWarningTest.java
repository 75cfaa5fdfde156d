package dev.podbot.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Only a fast interval the user chose against the real Pod Point is worth a warning. */
class PollIntervalWarningTest {

    @Test
    void aFastIntervalAgainstPodPointIsWarnedAbout() {
        assertThat(PollCoordinator.pollIntervalWarning(Duration.ofSeconds(10), false)).get().asString()
                .startsWith("BOT_POLL_INTERVAL is PT10S");
    }

    @Test
    void theDefaultAndTheDemoSayNothing() {
        assertThat(PollCoordinator.pollIntervalWarning(Duration.ofMinutes(5), false)).isEmpty();
        // demo mode polls its simulator every 2 s: the user never set BOT_POLL_INTERVAL
        assertThat(PollCoordinator.pollIntervalWarning(Duration.ofSeconds(2), true)).isEmpty();
    }
}
