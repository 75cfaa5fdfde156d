package dev.podbot.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.podbot.BotConfig;
import io.quarkus.logging.Log;

/**
 * Readiness of the Pod Point API: one unauthenticated request to {@code podpoint.api-url} (cached, see
 * {@link OpsConfig}). Any HTTP answer, even 404, means the API is reachable; a timeout or a refused connection
 * means it is not. In demo mode Pod Point is simulated and the check reports "demo". Nothing waits for it.
 */
@Readiness
@ApplicationScoped
public class PodPointReadinessCheck implements HealthCheck {

    static final String NAME = "pod-point";

    private final CachedProbe cache;
    private final String apiUrl;
    private final boolean demo;
    private final HttpClient http;
    private final OpsConfig config;

    @Inject
    PodPointReadinessCheck(OpsConfig config, BotConfig bot,
            @ConfigProperty(name = "podpoint.api-url") String apiUrl) {
        this.config = config;
        this.apiUrl = apiUrl.trim();
        this.demo = bot.demo();
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
        if (demo) {
            return r.up().withData("state", "demo").build();
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl)).timeout(config.health().timeout())
                    .GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return r.up().withData("state", "reachable").withData("status", status).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return r.down().withData("state", "interrupted").build();
        } catch (IOException | RuntimeException e) {
            Log.debugf("Pod Point readiness probe failed: %s", e.getClass().getSimpleName());
            return r.down().withData("state", "unreachable").withData("error", e.getClass().getSimpleName())
                    .withData("reason", "Pod Point cannot be reached: check this machine's network, DNS or proxy,"
                            + " and PODPOINT_API_URL").build();
        }
    }
}
