package dev.podbot.e2e;

import java.util.Set;

import dev.podbot.notify.TestClock;

/**
 * The end-to-end app (fake Bot API, Pod Point in WireMock) on the notification test clock, so the receipts' 15 s /
 * 60 s steps and BOT_CONFIRM_TIMEOUT pass at the test's command, never by waiting.
 */
public class ReceiptsProfile extends EndToEndProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }
}
