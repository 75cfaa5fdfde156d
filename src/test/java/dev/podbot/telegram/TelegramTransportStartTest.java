package dev.podbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.podbot.BotConfig;

/** What the transport does at start-up depending on token, demo mode and the switch. */
class TelegramTransportStartTest {

    @SuppressWarnings("unchecked")
    static <T> T config(Class<T> type, Map<String, Object> values) {
        InvocationHandler h = (proxy, m, args) -> {
            if (values.containsKey(m.getName())) {
                return values.get(m.getName());
            }
            if (m.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, m, args);
            }
            return defaultFor(m);
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
    }

    static Object defaultFor(Method m) {
        Class<?> r = m.getReturnType();
        if (r == Optional.class) {
            return Optional.empty();
        }
        if (r == boolean.class) {
            return false;
        }
        throw new UnsupportedOperationException(m.getName());
    }

    static TelegramTransport transport(Map<String, Object> telegram, boolean demo) {
        TelegramTransport t = new TelegramTransport();
        t.config = config(TelegramConfig.class, telegram);
        t.botConfig = config(BotConfig.class, Map.of("demo", demo));
        return t;
    }

    @Test
    void refusesToStartWithoutATokenWithAOneLineReason() {
        TelegramTransport t = transport(Map.of("enabled", true, "botToken", Optional.of("  ")), false);
        TelegramTransport.TelegramStartupException e = assertThrows(TelegramTransport.TelegramStartupException.class,
                t::start);
        assertTrue(e.getMessage().contains("TELEGRAM_BOT_TOKEN"));
        assertTrue(e.getMessage().contains("BotFather"));
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(0, e.getStackTrace().length, "no stack trace, just the reason");
        assertFalse(t.isRunning());
    }

    @Test
    void demoModeWithoutTokenSimplyDoesNotStartTelegram() {
        TelegramTransport t = transport(Map.of("enabled", true), true);
        t.start();
        assertFalse(t.isRunning());
    }

    @Test
    void switchedOffMeansNothingStarts() {
        TelegramTransport t = transport(Map.of("enabled", false, "botToken", Optional.of("1:abc")), false);
        t.start();
        assertFalse(t.isRunning());
    }

    @Test
    void notificationsWaitUntilTelegramIsConnected() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        TelegramTransport t = transport(Map.of("enabled", true, "botToken", Optional.of("1:abc"),
                "apiUrl", "http://127.0.0.1:" + closedPort, "webhookMode", false,
                "rate", config(TelegramConfig.Rate.class, Map.of("globalPerSecond", 30.0, "perChatPerSecond", 1.0,
                        "replyBurst", 3)),
                "retry", config(TelegramConfig.Retry.class, Map.of("attempts", 1,
                        "initialBackoff", java.time.Duration.ofMillis(10), "maxBackoff", java.time.Duration.ofMillis(10),
                        "maxRetryAfter", java.time.Duration.ofSeconds(1),
                        "interactiveFor", java.time.Duration.ofSeconds(1)))), false);
        t.registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        t.dispatcher = new UpdateDispatcher();
        TelegramChatTransport chats = new TelegramChatTransport();
        chats.transport = t;
        try {
            t.start();
            assertTrue(t.isRunning(), "the transport runs and keeps trying to connect");
            assertFalse(t.isConnected());
            assertFalse(chats.ready(), "the outbox sender takes no row before Telegram is connected");
        } finally {
            t.stop();
        }
    }

    @Test
    void apiUrlGivesSchemeHostAndPort() {
        var u = TelegramConfig.parseUrl("http://127.0.0.1:8081");
        assertEquals("http", u.getSchema());
        assertEquals("127.0.0.1", u.getHost());
        assertEquals(8081, u.getPort());
        assertEquals(443, TelegramConfig.parseUrl("https://api.telegram.org").getPort());
        assertThrows(IllegalArgumentException.class, () -> TelegramConfig.parseUrl("ftp://x"));
        TelegramTransport t = transport(Map.of("enabled", true, "botToken", Optional.of("1:abc"),
                "apiUrl", "not a url"), false);
        assertThrows(TelegramTransport.TelegramStartupException.class, t::start);
    }
}
