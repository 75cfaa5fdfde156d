package dev.podbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.podbot.BotConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

/** A token Telegram refuses (401/404 on getMe) is named as the problem, and retried only slowly. */
class TelegramTokenRejectedTest {

    @Test
    void aRefusedTokenIsReportedOnceAndRetriedSlowly() {
        try (FakeTelegramServer telegram = new FakeTelegramServer()) {
            // what Telegram answers for a token no bot has
            telegram.failNext("getMe", null, 404, "Not Found", null, 100);
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withConverter(Duration.class, 100, new DurationConverter())
                    .withMapping(TelegramConfig.class).withMapping(BotConfig.class)
                    .withSources(new MapBackedConfigSource("test", Map.of("telegram.bot-token", telegram.token(),
                            "telegram.api-url", telegram.apiUrl())) {
                    })
                    .build();
            TelegramTransport transport = new TelegramTransport();
            transport.config = config.getConfigMapping(TelegramConfig.class);
            transport.botConfig = config.getConfigMapping(BotConfig.class);
            transport.registry = new SimpleMeterRegistry();
            transport.dispatcher = new UpdateDispatcher();
            try {
                transport.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> transport.tokenProblem() != null);
                assertThat(transport.tokenProblem()).contains("TELEGRAM_BOT_TOKEN").contains("@BotFather")
                        .contains("404").doesNotContain(telegram.token());
                // the network-trouble backoff would retry after 1 s and 2 s; a wrong token is looked at every 5 min
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                        .until(() -> telegram.calls("getMe").size() == 1);
                assertThat(TelegramTransport.TOKEN_REJECTED_RETRY).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
                assertThat(transport.isPolling()).isFalse();
            } finally {
                transport.stop();
            }
        }
    }
}
