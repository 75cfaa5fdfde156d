package dev.podbot.e2e;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import dev.podbot.podpoint.PodPointWireMockResource;
import dev.podbot.telegram.FakeTelegramResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one profile of every end-to-end suite (so Quarkus boots once for all of them): the real app wiring, with
 * Telegram long polling pointed at a {@link dev.podbot.telegram.FakeTelegramServer} and Pod Point at WireMock,
 * H2 in memory, and an allow-list of the test users {@link #FIRST_USER}..{@link #LAST_USER}.
 */
public class EndToEndProfile implements QuarkusTestProfile {

    public static final long FIRST_USER = 910_001;
    public static final long LAST_USER = 910_099;
    /** A Telegram user who is not on the allow-list. */
    public static final long STRANGER = 555_000_111;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PodPointWireMockResource.class),
                new TestResourceEntry(FakeTelegramResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "bot.allowed-users", LongStream.rangeClosed(FIRST_USER, LAST_USER).mapToObj(Long::toString)
                        .collect(Collectors.joining(",")),
                // the per-chat limit (1/s in production) would only slow the tests' conversations down
                "telegram.rate.per-chat-per-second", "20",
                // the log-capture test also checks the bot's own debug lines
                "quarkus.log.category.\"dev.podbot\".level", "DEBUG");
    }
}
