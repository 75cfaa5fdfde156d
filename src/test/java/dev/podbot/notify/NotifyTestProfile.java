package dev.podbot.notify;

import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Notifications on, 1 s poll interval, the in-memory Pod Point, the recording transport and the test clock. */
public class NotifyTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("notify.enabled", "true", "bot.poll-interval", "1s",
                "notify.instance-id", "test-a", "notify.stall-timeout", "3s",
                // a test clock moved onto a 1st after 09:00 must not add digests to what a test counts
                "notify.digest", "false");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FakePodPointClient.class, RecordingTransport.class, TestClock.class);
    }
}
