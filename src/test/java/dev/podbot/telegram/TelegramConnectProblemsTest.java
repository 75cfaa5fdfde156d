package dev.podbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.podbot.BotConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

/** What the transport says when it can't get going: a token Telegram refuses, or no way to reach Telegram. */
class TelegramConnectProblemsTest {

    final List<String> log = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            log.add(r.getLevel() + " " + (r instanceof ExtLogRecord e ? e.getFormattedMessage() : r.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    TelegramTransport transport;

    TelegramTransport start(String apiUrl, String token) {
        Logger.getLogger("").addHandler(capture);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(TelegramConfig.class).withMapping(BotConfig.class)
                .withSources(new MapBackedConfigSource("test", Map.of("telegram.bot-token", token,
                        "telegram.api-url", apiUrl)) {
                })
                .build();
        transport = new TelegramTransport();
        transport.config = config.getConfigMapping(TelegramConfig.class);
        transport.botConfig = config.getConfigMapping(BotConfig.class);
        transport.registry = new SimpleMeterRegistry();
        transport.dispatcher = new UpdateDispatcher();
        transport.start();
        return transport;
    }

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.stop();
        }
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aRefusedTokenIsReportedOnceAndRetriedSlowly() {
        try (FakeTelegramServer telegram = new FakeTelegramServer()) {
            // what Telegram answers for a token no bot has
            telegram.failNext("getMe", null, 404, "Not Found", null, 100);
            start(telegram.apiUrl(), telegram.token());
            await().atMost(Duration.ofSeconds(20)).until(() -> transport.tokenProblem() != null);
            assertThat(transport.tokenProblem()).contains("TELEGRAM_BOT_TOKEN").contains("@BotFather")
                    .contains("404").doesNotContain(telegram.token());
            // the network-trouble backoff would retry after 1 s and 2 s; a wrong token is looked at every 5 min
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> telegram.calls("getMe").size() == 1);
            assertThat(TelegramTransport.TOKEN_REJECTED_RETRY).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
            assertThat(transport.isPolling()).isFalse();
            assertThat(log).filteredOn(l -> l.startsWith("ERROR")).singleElement().asString()
                    .contains("Telegram refused TELEGRAM_BOT_TOKEN (HTTP 404)").contains("every 5 minutes");
        }
    }

    @Test
    void noNetworkNamesTheUrlSettingAndWhatToCheck() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        start("http://127.0.0.1:" + closed, FakeTelegramServer.DEFAULT_TOKEN);
        await().atMost(Duration.ofSeconds(20)).until(() -> log.stream().anyMatch(l -> l.startsWith("WARN")));
        assertThat(log).filteredOn(l -> l.startsWith("WARN")).first().asString()
                .contains("Telegram cannot be reached at http://127.0.0.1:" + closed + " (ConnectException)")
                .contains("network, DNS or proxy").contains("TELEGRAM_API_URL");
        assertThat(String.join("\n", log)).doesNotContain("for chat null")
                .doesNotContain(FakeTelegramServer.DEFAULT_TOKEN);
        assertThat(transport.tokenProblem()).isNull();
    }
}
