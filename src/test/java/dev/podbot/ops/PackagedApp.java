package dev.podbot.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts the packaged application ({@code target/quarkus-app/quarkus-run.jar}) as a separate {@code java -jar}
 * process with the configuration contract in its environment, the same way an operator or a container does.
 */
final class PackagedApp implements AutoCloseable {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Map<String, String> env = new HashMap<>();
    /** The JVM options before {@code -jar}. */
    List<String> jvmOptions = List.of("-Xmx256m");
    final Path log;
    final int port;
    Process process;

    PackagedApp(Path workDir) throws IOException {
        Assertions.assertTrue(Files.isRegularFile(JAR), JAR + " is missing: integration tests run after package");
        this.log = workDir.resolve("app.log");
        this.port = freePort();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_PROFILE", "prod");
    }

    /** Points the app at a Bot API (a fake) with this token. */
    void telegramAt(String apiUrl, String token) {
        env.put("TELEGRAM_BOT_TOKEN", token);
        env.put("TELEGRAM_API_URL", apiUrl);
    }

    /** Points the app at a Pod Point (WireMock or the simulator): API, sign-in, token refresh and 2FA URLs. */
    void podPointAt(String api, String auth, String token, String mfa) {
        env.put("PODPOINT_API_URL", api);
        env.put("PODPOINT_AUTH_URL", auth);
        env.put("PODPOINT_TOKEN_URL", token);
        env.put("PODPOINT_MFA_URL", mfa);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The database kind this jar was built for, as passed on by the pom (h2 unless -Ppostgresql). */
    static String dbKind() {
        return System.getProperty("quarkus.datasource.db-kind", "h2");
    }

    /**
     * Points the app at a fresh database: an H2 file under {@code workDir}, or, in a PostgreSQL build, a new database
     * {@code name} (plus the suffix of the test database's name) next to the test database of the pom. Skips the test
     * when PostgreSQL is not reachable.
     */
    void freshDatabase(Path workDir, String name) {
        if (!"postgresql".equals(dbKind())) {
            // as an operator would write it (README), but without WRITE_DELAY=0: the app makes commits durable itself
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:file:" + workDir.toAbsolutePath().resolve("db/" + name)
                    + ";DB_CLOSE_ON_EXIT=FALSE");
            return;
        }
        String testUrl = System.getProperty("podbot.test.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/podbot_test");
        String server = testUrl.substring(0, testUrl.lastIndexOf('/') + 1);
        // beside a test database of one's own (podbot_test_<name>), the app's databases get the same suffix, so two
        // builds sharing one PostgreSQL server never drop each other's
        name = name + testUrl.substring(server.length()).replaceFirst("^podbot_test", "").replaceAll("[^a-z0-9_]", "");
        String user = System.getProperty("podbot.test.db-user", "postgres");
        try (Connection c = DriverManager.getConnection(server + "postgres", user, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable at " + server + " (" + e.getMessage() + ")");
        }
        env.put("QUARKUS_DATASOURCE_JDBC_URL", server + name);
        env.put("QUARKUS_DATASOURCE_USERNAME", user);
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
    }

    void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())); // restarts add to the same log
        // Only the contract: nothing of this JVM's Maven/test configuration leaks into the app.
        pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("BOT_")
                || k.startsWith("TELEGRAM_") || k.startsWith("PODPOINT_") || k.startsWith("OPS_"));
        pb.environment().putAll(env);
        process = pb.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** GET; status -1 when nothing answers. */
    HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits until /q/health/live answers 200; fails with the log's tail if the process dies or takes too long. */
    void awaitLive(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                Assertions.fail("the app exited with " + process.exitValue() + ":\n" + logTail());
            }
            HttpResponse<String> r = get("/q/health/live");
            if (r != null && r.statusCode() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        Assertions.fail("the app did not become live within " + timeout + ":\n" + logTail());
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String logTail() {
        String s = logText();
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }

    /**
     * A test's clean-up: closes each of {@code parts} that was made (nulls skipped; one that fails to close does not
     * keep the others open), then deletes the work folder.
     */
    static void cleanUp(Path workDir, AutoCloseable... parts) throws Exception {
        Exception first = null;
        for (AutoCloseable part : parts) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        deleteWorkDir(workDir);
        if (first != null) {
            throw first;
        }
    }

    /** Deletes a test's work folder with what is in it; a leftover temp folder is harmless. */
    static void deleteWorkDir(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }

    /** kill -9: no shutdown hook, no flush, nothing graceful. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
