package dev.podbot.podpoint;

import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The one HTTP layer under both API generations: builds the REST clients from {@link PodPointConfig} (at
 * first use, so runtime overrides such as demo mode apply), applies the timeout, counts every call in
 * {@code podbot.podpoint.calls}, retries idempotent reads on 5xx and timeouts, and turns transport failures into
 * {@link PodPointUnavailableException}. It never logs or reports a URL, header or body: only endpoint templates
 * such as "GET /users/{id}/pods".
 */
@ApplicationScoped
public class PodPointHttp {

    /** An answer: status and body text ("" when none). */
    public record Result(int status, String body) {
        public boolean is2xx() {
            return status >= 200 && status < 300;
        }
    }

    static final int READ_ATTEMPTS = 3;
    static final long BACKOFF_START_MS = 200;
    static final long BACKOFF_MAX_MS = 1000;
    static final String METRIC = "podbot.podpoint.calls";

    @Inject
    PodPointConfig config;

    @Inject
    MeterRegistry registry;

    private volatile Clients clients;

    record Clients(PodPointApi api, FirebaseAuthApi auth, SecureTokenApi token, FirebaseMfaApi mfa,
            dev.podbot.podpoint.home.PodHomeApi home) {
    }

    Clients clients() {
        Clients c = clients;
        if (c == null) {
            synchronized (this) {
                c = clients;
                if (c == null) {
                    c = new Clients(build(config.apiUrl(), PodPointApi.class), build(config.authUrl(), FirebaseAuthApi.class),
                            build(config.tokenUrl(), SecureTokenApi.class), build(config.mfaUrl(), FirebaseMfaApi.class),
                            build(config.apiUrl(), dev.podbot.podpoint.home.PodHomeApi.class));
                    clients = c;
                }
            }
        }
        return c;
    }

    public PodPointApi api() {
        return clients().api();
    }

    /** The Pod Home endpoints (API doc §10), on the same host as {@link #api()}. */
    public dev.podbot.podpoint.home.PodHomeApi home() {
        return clients().home();
    }

    public FirebaseAuthApi auth() {
        return clients().auth();
    }

    public SecureTokenApi token() {
        return clients().token();
    }

    public FirebaseMfaApi mfa() {
        return clients().mfa();
    }

    public String apiKey() {
        return config.apiKey();
    }

    private <T> T build(String url, Class<T> type) {
        long ms = Math.max(1, config.timeout().toMillis());
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(stripSlash(url)))
                .connectTimeout(ms, TimeUnit.MILLISECONDS)
                .readTimeout(ms, TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .followRedirects(false)
                .build(type);
    }

    private static String stripSlash(String url) {
        String u = url.trim();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /**
     * Sends a request. Reads ({@code idempotent}) are retried up to 3 times with a jittered backoff on 5xx and on
     * timeouts or connection errors; writes are sent exactly once.
     *
     * @param endpoint a template such as "GET /users/{id}/pods" (used for metrics, logs and errors)
     */
    public Result exchange(String endpoint, boolean idempotent, Supplier<Response> call) {
        int attempts = idempotent ? READ_ATTEMPTS : 1;
        long backoff = BACKOFF_START_MS;
        for (int attempt = 1;; attempt++) {
            boolean last = attempt >= attempts;
            try (Response r = call.get()) {
                int status = r.getStatus();
                String body = readBody(r);
                count(endpoint, String.valueOf(status));
                Log.debugf("Pod Point %s -> %d (attempt %d)", endpoint, status, attempt);
                if (status >= 500 && !last) {
                    pause(backoff, endpoint);
                    backoff = Math.min(BACKOFF_MAX_MS, backoff * 3);
                    continue;
                }
                return new Result(status, body);
            } catch (PodPointException e) {
                throw e;
            } catch (RuntimeException e) {
                boolean timeout = isTimeout(e);
                count(endpoint, timeout ? "timeout" : "error");
                Log.debugf("Pod Point %s failed: %s (attempt %d)", endpoint, timeout ? "timeout" : e.getClass().getSimpleName(),
                        attempt);
                if (!last) {
                    pause(backoff, endpoint);
                    backoff = Math.min(BACKOFF_MAX_MS, backoff * 3);
                    continue;
                }
                // The original exception is not attached: its message may carry the URL (and the API key).
                throw new PodPointUnavailableException(timeout
                        ? "Pod Point did not answer in time (" + endpoint + ")"
                        : "Pod Point cannot be reached (" + endpoint + ", " + rootName(e) + "): check this machine's"
                                + " network, DNS or proxy, and " + settingFor(endpoint), null);
            }
        }
    }

    /** The setting that holds the host of an endpoint (sign-in goes to Google, everything else to Pod Point). */
    static String settingFor(String endpoint) {
        if (endpoint.endsWith("/verifyPassword")) {
            return "PODPOINT_AUTH_URL";
        }
        if (endpoint.endsWith(" /token")) {
            return "PODPOINT_TOKEN_URL";
        }
        return endpoint.contains("/accounts/mfaSignIn") ? "PODPOINT_MFA_URL" : "PODPOINT_API_URL";
    }

    private static String readBody(Response r) {
        if (!r.hasEntity()) {
            return "";
        }
        try {
            String s = r.readEntity(String.class);
            return s == null ? "" : s;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private void pause(long base, String endpoint) {
        long jitter = ThreadLocalRandom.current().nextLong(base / 2 + 1);
        try {
            Thread.sleep(base + jitter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PodPointUnavailableException("Interrupted while retrying " + endpoint, null);
        }
    }

    void count(String endpoint, String status) {
        try {
            registry.counter(METRIC, "endpoint", endpoint, "status", status).increment();
        } catch (RuntimeException e) {
            Log.debugf("Could not count a Pod Point call (%s)", e.getClass().getSimpleName());
        }
    }

    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String n = t.getClass().getName();
            if (n.contains("Timeout") || n.contains("TimedOut")) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootName(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
