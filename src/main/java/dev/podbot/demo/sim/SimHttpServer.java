package dev.podbot.demo.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.podbot.demo.sim.SimApi.SimResponse;

/**
 * The simulator on a JDK {@link HttpServer} (127.0.0.1, random port), for tests that want a stateful Pod Point
 * without Quarkus or demo mode. Point the client at {@link #apiUrl()}, {@link #authUrl()}, {@link #tokenUrl()} and
 * {@link #mfaUrl()}:
 *
 * <pre>
 * try (SimHttpServer server = SimHttpServer.start(PodPointSimulator.demo(Clock.systemUTC(), Duration.ofMinutes(2), Duration.ZERO))) {
 *     // podpoint.api-url = server.apiUrl(), ...; sign in with PodPointSimulator.DEMO_EMAIL / DEMO_PASSWORD
 * }
 * </pre>
 */
public final class SimHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final SimApi api;

    private SimHttpServer(HttpServer server, ExecutorService executor, SimApi api) {
        this.server = server;
        this.executor = executor;
        this.api = api;
    }

    public static SimHttpServer start(PodPointSimulator simulator) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "pod-point-sim");
                t.setDaemon(true);
                return t;
            });
            SimApi api = new SimApi(simulator);
            SimHttpServer s = new SimHttpServer(server, executor, api);
            server.createContext("/", s::serve);
            server.setExecutor(executor);
            server.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Pod Point simulator", e);
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            SimResponse r = api.handle(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    ex.getRequestURI().getRawQuery(), ex.getRequestHeaders()::getFirst, body);
            byte[] out = r.bytes();
            if (out.length > 0) {
                ex.getResponseHeaders().set("Content-Type", "application/json");
            }
            ex.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    public PodPointSimulator simulator() {
        return api.simulator();
    }

    /** Root URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** For podpoint.api-url. */
    public String apiUrl() {
        return baseUrl() + "/api";
    }

    /** For podpoint.auth-url. */
    public String authUrl() {
        return baseUrl() + "/auth";
    }

    /** For podpoint.token-url. */
    public String tokenUrl() {
        return baseUrl() + "/token";
    }

    /** For podpoint.mfa-url. */
    public String mfaUrl() {
        return baseUrl() + "/mfa";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
