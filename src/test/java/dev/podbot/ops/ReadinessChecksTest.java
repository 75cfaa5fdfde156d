package dev.podbot.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.podbot.BotConfig;

/** The Telegram and Pod Point readiness checks against real HTTP fakes: results, caching, no token leaks. */
class ReadinessChecksTest {

    static final String TOKEN = "123456789:ZZbbCCddEEffGGhhIIjjKKllMMnnOOppQQr";

    MiniTelegram telegram;
    WireMockServer podPoint;

    @BeforeEach
    void start() throws IOException {
        telegram = new MiniTelegram(TOKEN);
        podPoint = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        podPoint.start();
    }

    @AfterEach
    void stop() {
        telegram.close();
        podPoint.stop();
    }

    static OpsConfig ops(Duration ttl) {
        return () -> new OpsConfig.Health() {
            @Override
            public Duration cacheTtl() {
                return ttl;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(2);
            }
        };
    }

    static BotConfig bot(boolean demo) {
        return new BotConfig() {
            public Optional<String> encryptionKey() {
                return Optional.empty();
            }

            public Optional<List<String>> oldEncryptionKeys() {
                return Optional.empty();
            }

            public Optional<List<Long>> allowedUsers() {
                return Optional.empty();
            }

            public Duration pollInterval() {
                return Duration.ofMinutes(5);
            }

            public int pollConcurrency() {
                return 1;
            }

            public Duration confirmTimeout() {
                return Duration.ofMinutes(10);
            }

            public boolean demo() {
                return demo;
            }
        };
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String state(HealthCheckResponse r) {
        return String.valueOf(r.getData().map(m -> m.get("state")).orElse(null));
    }

    @Test
    void telegramIsUpWhenGetMeAnswers() {
        var check = new TelegramReadinessCheck(ops(Duration.ZERO), Optional.of(TOKEN), telegram.url(), true);
        HealthCheckResponse r = check.call();
        assertEquals("telegram", r.getName());
        assertEquals(Status.UP, r.getStatus());
        assertEquals("reachable", state(r));
        assertEquals(1, telegram.calls("getMe"));
    }

    @Test
    void telegramIsDownWhenTheTokenIsRejectedAndNeverShowsTheToken() {
        var check = new TelegramReadinessCheck(ops(Duration.ZERO), Optional.of("999:wrong-token-value-xyz"),
                telegram.url(), true);
        HealthCheckResponse r = check.call();
        assertEquals(Status.DOWN, r.getStatus());
        assertEquals("token rejected", state(r));
        String reason = String.valueOf(r.getData().orElseThrow().get("reason"));
        assertTrue(reason.contains("TELEGRAM_BOT_TOKEN") && reason.contains("@BotFather"), reason);
        assertFalse(String.valueOf(r.getData()).contains("wrong-token-value"), r.getData().toString());
    }

    @Test
    void telegramIsDownWhenUnreachable() throws IOException {
        var check = new TelegramReadinessCheck(ops(Duration.ZERO), Optional.of(TOKEN),
                "http://127.0.0.1:" + closedPort(), true);
        HealthCheckResponse r = check.call();
        assertEquals(Status.DOWN, r.getStatus());
        assertEquals("unreachable", state(r));
        assertTrue(String.valueOf(r.getData().orElseThrow().get("reason")).contains("TELEGRAM_API_URL"));
        assertFalse(String.valueOf(r.getData()).contains(TOKEN));
    }

    @Test
    void telegramWithoutTokenIsDisabledAndUp() {
        var check = new TelegramReadinessCheck(ops(Duration.ZERO), Optional.of("  "), telegram.url(), true);
        HealthCheckResponse r = check.call();
        assertEquals(Status.UP, r.getStatus());
        assertEquals("disabled", state(r));
        assertEquals(0, telegram.calls("getMe"));
        var off = new TelegramReadinessCheck(ops(Duration.ZERO), Optional.of(TOKEN), telegram.url(), false);
        assertEquals("disabled", state(off.call()));
        assertEquals(0, telegram.calls("getMe"));
    }

    @Test
    void telegramResultsAreCachedForTheirTimeToLive() throws InterruptedException {
        var cached = new TelegramReadinessCheck(ops(Duration.ofMinutes(1)), Optional.of(TOKEN), telegram.url(), true);
        for (int i = 0; i < 5; i++) {
            assertEquals(Status.UP, cached.call().getStatus());
        }
        assertEquals(1, telegram.calls("getMe"));

        var shortLived = new TelegramReadinessCheck(ops(Duration.ofMillis(200)), Optional.of(TOKEN), telegram.url(),
                true);
        shortLived.call();
        telegram.failWith("getMe", 502);
        assertEquals(Status.UP, shortLived.call().getStatus(), "still the cached result");
        Thread.sleep(300);
        HealthCheckResponse r = shortLived.call();
        assertEquals(Status.DOWN, r.getStatus());
        assertEquals(Map.of("state", "unexpected answer", "status", 502L), r.getData().orElseThrow());
        assertEquals(3, telegram.calls("getMe"));
    }

    @Test
    void podPointIsUpOnAnyHttpAnswer() {
        // WireMock has no stubs: every request gets 404, which still proves Pod Point is reachable.
        var check = new PodPointReadinessCheck(ops(Duration.ZERO), bot(false), podPoint.baseUrl());
        HealthCheckResponse r = check.call();
        assertEquals("pod-point", r.getName());
        assertEquals(Status.UP, r.getStatus());
        assertEquals(404L, r.getData().orElseThrow().get("status"));
        assertEquals(1, podPoint.findAll(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void podPointIsDownWhenTheConnectionIsRefused() throws IOException {
        var check = new PodPointReadinessCheck(ops(Duration.ZERO), bot(false), "http://127.0.0.1:" + closedPort());
        HealthCheckResponse r = check.call();
        assertEquals(Status.DOWN, r.getStatus());
        assertEquals("unreachable", state(r));
        assertTrue(String.valueOf(r.getData().orElseThrow().get("reason")).contains("PODPOINT_API_URL"));
    }

    @Test
    void podPointIsDownWhenItDoesNotAnswerInTime() {
        podPoint.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl())
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok().withFixedDelay(5000)));
        var check = new PodPointReadinessCheck(ops(Duration.ZERO), bot(false), podPoint.baseUrl());
        long t0 = System.nanoTime();
        HealthCheckResponse r = check.call();
        assertEquals(Status.DOWN, r.getStatus());
        assertEquals("HttpTimeoutException", r.getData().orElseThrow().get("error"));
        assertFalse(Duration.ofNanos(System.nanoTime() - t0).compareTo(Duration.ofSeconds(4)) > 0, "timed out early");
    }

    @Test
    void podPointInDemoModeIsNotProbed() {
        var check = new PodPointReadinessCheck(ops(Duration.ZERO), bot(true), podPoint.baseUrl());
        HealthCheckResponse r = check.call();
        assertEquals(Status.UP, r.getStatus());
        assertEquals("demo", state(r));
        assertEquals(0, podPoint.findAll(anyRequestedFor(anyUrl())).size());
    }
}
