package dev.podbot.telegram;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a {@link FakeTelegramServer} for a @QuarkusTest and points the bot at it (telegram.api-url,
 * telegram.bot-token, telegram.enabled=true). Use it from a test profile's {@code testResources()} (argument
 * {@code mode=webhook} turns on webhook mode with {@link #WEBHOOK_SECRET}); fields annotated
 * {@link InjectFakeTelegram} receive the server; {@link #server()} returns it too.
 */
public class FakeTelegramResource implements QuarkusTestResourceLifecycleManager {

    public static final String WEBHOOK_SECRET = "webhook-Secret_for-tests-42";
    /** Used only when no encryption key is configured for tests. */
    static final String TEST_ENCRYPTION_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private static volatile FakeTelegramServer current;
    private FakeTelegramServer server;
    private boolean webhook;

    /** The fake of the running test application. */
    public static FakeTelegramServer server() {
        return current;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        webhook = "webhook".equals(initArgs.get("mode"));
    }

    @Override
    public Map<String, String> start() {
        server = new FakeTelegramServer();
        current = server;
        Map<String, String> config = new HashMap<>();
        config.put("telegram.enabled", "true");
        config.put("telegram.api-url", server.apiUrl());
        config.put("telegram.bot-token", server.token());
        config.put("telegram.retry.initial-backoff", "100ms");
        config.put("telegram.retry.max-backoff", "500ms");
        if (webhook) {
            config.put("telegram.webhook-url", "https://bot.example.org/telegram/webhook");
            config.put("telegram.webhook-secret", WEBHOOK_SECRET);
        }
        boolean hasKey;
        try {
            hasKey = ConfigProvider.getConfig().getOptionalValue("bot.encryption-key", String.class).isPresent();
        } catch (RuntimeException e) {
            hasKey = false;
        }
        if (!hasKey) {
            config.put("bot.encryption-key", TEST_ENCRYPTION_KEY);
        }
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeTelegram.class, FakeTelegramServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
        if (current == server) {
            current = null;
        }
    }
}
