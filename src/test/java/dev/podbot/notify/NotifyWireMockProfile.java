package dev.podbot.notify;

import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Notifications on with the REAL Pod Point client (against WireMock), the recording transport, 1 s interval. */
public class NotifyWireMockProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("notify.enabled", "true", "bot.poll-interval", "1s",
                "notify.firmware-every", "2",
                // a test clock moved onto a 1st after 09:00 must not add digests to what a test counts
                "notify.digest", "false");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(RecordingTransport.class, TestClock.class);
    }
}
