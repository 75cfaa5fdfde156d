package dev.podbot.command;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts WireMock on a random port as "Pod Point" (API, Firebase sign-in, token refresh and 2FA) and points the
 * real client at it. Also limits the bot to {@link #ALLOWED_USERS} so the allow-list can be tested without a
 * second application start.
 */
public class PodPointWireMock implements QuarkusTestResourceLifecycleManager {

    /** Telegram user ids the test bot accepts; any other id is refused. */
    public static final String ALLOWED_USERS = "7001,7002,7003,7004,7005,7006,7007,7008,7009,7010,7011,7012,7013,"
            + "7014,7015,7016,7017,7018,7019,7020";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectWireMock {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().notifier(new ConsoleNotifier(false)));
        server.start();
        String base = server.baseUrl();
        return Map.of(
                "podpoint.api-url", base,
                "podpoint.auth-url", base + "/google",
                "podpoint.token-url", base + "/securetoken",
                "podpoint.mfa-url", base + "/mfa",
                "podpoint.timeout", "3s",
                "bot.allowed-users", ALLOWED_USERS);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
