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

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String base = "http://localhost:" + server.port();
        return Map.of(
                "podpoint.api-url", base,
                "podpoint.auth-url", base + PodPointWireMock.AUTH_PATH,
                "podpoint.token-url", base + PodPointWireMock.TOKEN_PATH,
                "podpoint.mfa-url", base + PodPointWireMock.MFA_PATH,
                "podpoint.api-key", API_KEY,
                "podpoint.timeout", TIMEOUT_MS + "ms",
                // the app needs an encryption key to start; a fixed test-only key (bytes 0..31)
                "bot.encryption-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
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
