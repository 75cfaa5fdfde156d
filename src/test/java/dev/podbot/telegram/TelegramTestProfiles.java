package dev.podbot.telegram;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Test profiles that run the bot against a {@link FakeTelegramServer}. */
public final class TelegramTestProfiles {

    private TelegramTestProfiles() {
    }

    /** Long polling with the project's real command layer. */
    public static class Polling implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeTelegramResource.class));
        }
    }

    /** Long polling with the scripted command layer; liveness gives up on a stalled poller after 5 s. */
    public static class Scripted implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeTelegramResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("telegram.polling-stall-timeout", "5s");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ScriptedCommandService.class, ScriptedCommands.class);
        }
    }

    /** Webhook mode with the scripted command layer. */
    public static class Webhook implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeTelegramResource.class, Map.of("mode", "webhook")));
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ScriptedCommandService.class, ScriptedCommands.class);
        }
    }
}
