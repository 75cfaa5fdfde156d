package dev.podbot.notify;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.podbot.telegram.FakeTelegramResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/** Notifications delivered by the real Telegram transport into the fake Bot API; Pod Point in memory. */
public class NotifyTelegramProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("notify.enabled", "true", "bot.poll-interval", "1s",
                // a test clock moved onto a 1st after 09:00 must not add digests to what a test counts
                "notify.digest", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeTelegramResource.class));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FakePodPointClient.class, TestClock.class);
    }
}
