package dev.podbot.notify.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.podbot.notify.FakePodPointClient;
import dev.podbot.notify.TestClock;
import dev.podbot.telegram.FakeTelegramResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/** The benchmark's app: in-memory Pod Point (with latency), the real Telegram transport into the fake Bot API. */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("notify.enabled", "true", "bot.poll-interval", "300s",
                "bot.poll-concurrency", System.getProperty("bench.concurrency", "32"),
                "quarkus.log.category.\"dev.podbot\".level", "WARN");
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
