package dev.podbot.podpoint;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts WireMock on a random port and points every Pod Point URL at it (Pod Point on "/", Google sign-in on
 * "/identitytoolkit/v3/relyingparty", securetoken on "/v1", MFA on "/v2"). The timeout is 2 s so timeouts are
 * quick to test (yet a cold first call on a busy machine is not mistaken for one). Use with {@code @WithTestResource(PodPointWireMockResource.class)} and a field annotated
 * {@link InjectPodPointWireMock}.
 */
public class PodPointWireMockResource implements QuarkusTestResourceLifecycleManager {

    /** The API key the tests configure (it must never show up in logs). */
    public static final String API_KEY = "test-api-key-5ecret";

    /** The configured timeout, and a WireMock delay that surely exceeds it. */
    public static final int TIMEOUT_MS = 2000;
    public static final int BEYOND_TIMEOUT_MS = TIMEOUT_MS + 600;

    /** Telegram user ids the chat-level tests allow (pass as the {@code bot.allowed-users} init arg). */
    public static final String ALLOWED_USERS = "7001,7002,7003,7004,7005,7006,7007,7008,7009,7010,7011,7012,7013,"
            + "7014,7015,7016,7017,7018,7019,7020";

    private WireMockServer server;
    private Map<String, String> extra = Map.of();

    /** Init args are extra configuration, e.g. {@code bot.allowed-users} for the chat-level tests. */
    @Override
    public void init(Map<String, String> initArgs) {
        extra = initArgs == null ? Map.of() : Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String base = "http://localhost:" + server.port();
        Map<String, String> config = new java.util.HashMap<>(extra);
        config.putAll(Map.of(
                "podpoint.api-url", base,
                "podpoint.auth-url", base + PodPointWireMock.AUTH_PATH,
                "podpoint.token-url", base + PodPointWireMock.TOKEN_PATH,
                "podpoint.mfa-url", base + PodPointWireMock.MFA_PATH,
                "podpoint.api-key", API_KEY,
                "podpoint.timeout", TIMEOUT_MS + "ms",
                // the app needs an encryption key to start; a fixed test-only key (bytes 0..31)
                "bot.encryption-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(new PodPointWireMock(server),
                new TestInjector.AnnotatedAndMatchesType(InjectPodPointWireMock.class, PodPointWireMock.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
