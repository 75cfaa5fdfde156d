package dev.podbot.demo.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a server-sent event stream line by line; collects the {@code data:} payloads. */
final class SseClient implements AutoCloseable {

    private static final java.util.concurrent.Executor READER = r -> {
        Thread t = new Thread(r, "sse-test-reader");
        t.setDaemon(true);
        t.start();
    };

    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final HttpClient http = HttpClient.newHttpClient();

    SseClient(String url) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build();
        response = http.sendAsync(req, HttpResponse.BodyHandlers.ofLines());
        // read on a thread of its own: a completed future would otherwise run this on the caller (status())
        response.thenAcceptAsync(r -> {
            try (Stream<String> lines = r.body()) {
                lines.filter(l -> l.startsWith("data:")).map(l -> l.substring(5).trim()).forEach(events::add);
            } catch (RuntimeException closed) {
                // stream closed by the test
            }
        }, READER);
    }

    int status(Duration timeout) throws Exception {
        return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
    }

    String next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
