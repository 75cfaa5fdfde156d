package dev.podbot.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.logging.Log;

/**
 * Readiness of the Telegram Bot API: calls {@code getMe} with the bot token (cached, see {@link OpsConfig}). The
 * token is part of the request URL, so neither the URL nor exception messages ever reach the response or the log.
 * Without a token (demo mode) or with the transport switched off the check reports "disabled" and UP.
 * Nothing in the bot waits for this check: polling goes on whatever it says.
 */
@Readiness
@ApplicationScoped
public class TelegramReadinessCheck implements HealthCheck {

    static final String NAME = "telegram";
    static final String TOKEN_REJECTED = "Telegram refused TELEGRAM_BOT_TOKEN: it is wrong or was revoked;"
            + " copy it again from @BotFather";

    private final CachedProbe cache;
    private final Optional<String> token;
    private final String apiUrl;
    private final boolean enabled;
    private final HttpClient http;
    private final OpsConfig config;

    @Inject
    TelegramReadinessCheck(OpsConfig config,
            @ConfigProperty(name = "telegram.bot-token") Optional<String> token,
            @ConfigProperty(name = "telegram.api-url", defaultValue = "https://api.telegram.org") String apiUrl,
            @ConfigProperty(name = "telegram.enabled", defaultValue = "true") boolean enabled) {
        this.config = config;
        this.token = token.map(String::trim).filter(t -> !t.isEmpty());
        this.apiUrl = apiUrl.trim().replaceAll("/+$", "");
        this.enabled = enabled;
        this.http = HttpClient.newBuilder().connectTimeout(config.health().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.cache = new CachedProbe(config.health().cacheTtl(), this::probe);
    }

    @Override
    public HealthCheckResponse call() {
        return cache.get();
    }

    private HealthCheckResponse probe() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named(NAME);
        if (!enabled || token.isEmpty()) {
            return r.up().withData("state", "disabled").build();
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/bot" + token.get() + "/getMe"))
                    .timeout(config.health().timeout()).GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return r.up().withData("state", "reachable").build();
            }
            if (status == 401 || status == 404) {
                return r.down().withData("state", "token rejected").withData("status", status)
                        .withData("reason", TOKEN_REJECTED).build();
            }
            return r.down().withData("state", "unexpected answer").withData("status", status).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return r.down().withData("state", "interrupted").build();
        } catch (IOException | RuntimeException e) {
            // Only the exception type: messages of URL/IO errors could contain the URL, and the URL the token.
            Log.debugf("Telegram readiness probe failed: %s", e.getClass().getSimpleName());
            return r.down().withData("state", "unreachable").withData("error", e.getClass().getSimpleName())
                    .withData("reason", "Telegram cannot be reached: check this machine's network, DNS or proxy,"
                            + " and TELEGRAM_API_URL").build();
        }
    }
}
