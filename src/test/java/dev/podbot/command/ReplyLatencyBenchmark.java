package dev.podbot.command;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import dev.podbot.podpoint.PodPointTestData;
import dev.podbot.podpoint.PodPointWireMock;
import dev.podbot.podpoint.PodPointWireMockResource;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;

import dev.podbot.telegram.FakeTelegramServer;

/**
 * Reply latency benchmark (opt-in, never in CI): starts the PACKAGED app ({@code java -jar}) against the fake Bot
 * API (which enforces Telegram's 30-per-second flood limit) and a WireMock Pod Point answering after
 * {@code bench.latency} ms, and prints:
 * <ul>
 * <li>start-up: {@code java -jar} to the first getUpdates, and idle RSS;</li>
 * <li>Pod Point calls per quiet poll cycle per account, and per command;</li>
 * <li>p50/p99 reply latency (update handed out by getUpdates → the last message of the reply reaches the fake Bot
 * API) for /help, /pods (2 chargers) and a button press at {@code bench.rate} updates/s;</li>
 * <li>the same while a {@code bench.fanout}-notification fan-out is in progress, with the fan-out's rate and the
 * 429s.</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -B package -DskipTests
 * ./mvnw -B test -Dtest=ReplyLatencyBenchmark -Dpodbot.bench=true [-Dbench.latency=300] [-Dbench.rate=20]
 *     [-Dbench.seconds=20] [-Dbench.warmup-seconds=5] [-Dbench.fanout=10000] [-Dbench.fanout-seconds=30] [-Dbench.jvm-options="..."]
 *     [-Dbench.jar=...] [-Dbench.startup-runs=5] [-Dbench.startup-only=true] [-Dbench.memory-only=true] [-Dbench.idle-seconds=20]
 *     [-Dbench.replies-only=true] [-Dbench.histogram=true] [-Dbench.slowest=true] [-Dbench.fanout-rate=1]
 *     [-Dbench.poll-interval=15] (seconds between two polls of one account; 40 accounts are linked)
 *     [-Dbench.full-gc=true] (a full collection after the logins, before the reply phases)
 *     [-Dbench.java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java] (the JVM that runs the app; the archive must be its own)
 * </pre>
 *
 * The machine may be shared: every figure comes with the load average, start-up is the median of several starts
 * (the first on an empty database, the others restarts) with the CPU time (user + sys) the app used, and each phase
 * prints the app's CPU time per update, which other programs on the machine hardly change.
 *
 * H2 build only: the fan-out's notifications are written straight into the app's outbox (H2 with AUTO_SERVER).
 */
@EnabledIfSystemProperty(named = "podbot.bench", matches = "true",
        disabledReason = "benchmark: ./mvnw -B package -DskipTests, then -Dtest=ReplyLatencyBenchmark -Dpodbot.bench=true")
class ReplyLatencyBenchmark {

    /** The default JVM options of the README and the Docker images. */
    static final String JVM_OPTIONS = "@jvm.options";

    static final long USER = 4242;
    static final long CHAT = 90_000_000L;
    static final long FANOUT_CHAT = 80_000_000L;
    static final int CHATS = 40;
    /** Seconds between two polls of one account: 40 accounts every 15 s keep a poll running most seconds. */
    static final String POLL_INTERVAL_SECONDS = System.getProperty("bench.poll-interval", "15");

    static final String DRIVE = PodPointTestData.pod(1, "Drive", "PSL-100001", 501, "Available",
            PodPointTestData.daily("00:00:00", "06:00:00", true), null);
    static final String STREET = PodPointTestData.pod(2, "Street", "PSL-100002", 502, "Charging",
            PodPointTestData.daily("00:00:00", "06:00:00", false), null);

    @TempDir
    Path work;

    FakeTelegramServer tg;
    WireMockServer wm;
    Process app;
    String jdbc;
    int httpPort;

    @Test
    void benchmark() throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar"));
        Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is missing: ./mvnw -B package -DskipTests first");
        Assumptions.assumeTrue("h2".equals(System.getProperty("quarkus.datasource.db-kind", "h2")),
                "the benchmark runs the H2 build (it writes the fan-out into the app's H2 database)");
        int latency = Integer.getInteger("bench.latency", 0);
        int rate = Integer.getInteger("bench.rate", 20);
        // 20 s at 20/s: 400 replies per kind, so p99 is the 4th-slowest reply rather than the 2nd of 200
        int seconds = Integer.getInteger("bench.seconds", 20);
        int fanout = Integer.getInteger("bench.fanout", 10_000);
        // a household tapping during the fan-out (issue 11); every reply takes one of Telegram's 30 places a second
        // from the fan-out, so at 2/s (2.6 messages) the fan-out could not reach 28/s
        int fanoutRate = Integer.getInteger("bench.fanout-rate", 1);
        int fanoutSeconds = Integer.getInteger("bench.fanout-seconds", 30);
        int startups = Math.max(1, Integer.getInteger("bench.startup-runs", 5));
        String jvm = System.getProperty("bench.jvm-options", defaultJvmOptions(jar));
        System.out.printf(Locale.ROOT, "BENCH Pod Point latency %d ms, %d updates/s for %d s per phase (%d/s for %d s "
                + "during the fan-out), JVM %s, JVM options: %s, env MALLOC_ARENA_MAX=%s, %d CPUs, load average %s%n",
                latency, rate, seconds, fanoutRate, fanoutSeconds, javaVersion(), jvm.isBlank() ? "(none)" : jvm,
                MALLOC_ARENA_MAX, Runtime.getRuntime().availableProcessors(), loadAverage());

        // like Telegram's servers, the fake answers without Nagle's delay (else every answer waits ~40 ms for an ACK)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        tg = new FakeTelegramServer();
        tg.enforceFloodLimit(30);
        wm = new WireMockServer(options().dynamicPort().containerThreads(64).notifier(new ConsoleNotifier(false)));
        wm.start();
        try {
            stubPodPoint(latency);
            startUps(jar, jvm, startups);
            run(rate, seconds, fanout, fanoutRate, fanoutSeconds, latency);
            System.out.printf("BENCH load average at the end: %s%n", loadAverage());
        } finally {
            if (app != null) {
                stopApp(); // gracefully: a -XX:StartFlightRecording in bench.jvm-options gets written
                Files.copy(work.resolve("app.log"), Path.of("target", "bench-app.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            wm.stop();
            tg.close();
        }
    }

    void stubPodPoint(int latency) {
        PodPointWireMock kit = new PodPointWireMock(wm);
        // one charger while replies are timed (so each /pods is one message: 20 a second stay within Telegram's 30),
        // two for the round trips of a live /pods at the end
        kit.stubAccount("bench@example.com", "Bench-pw-1", String.valueOf(USER));
        kit.stubPods(String.valueOf(USER), PodPointTestData.podsBody(DRIVE));
        kit.stubConnectivity("PSL-100001", PodPointTestData.connectivity("PSL-100001", true, "AVAILABLE"));
        kit.stubConnectivity("PSL-100002", PodPointTestData.connectivity("PSL-100002", true, "AVAILABLE"));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                        PodPointWireMock.API + "/users/" + USER + "/charges"))
                .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(PodPointTestData.chargesBody(1, 5, 1,
                        List.of(PodPointTestData.charge(7001, 7.5, 120, "2026-11-20T08:00:00Z", "2026-11-20T10:00:00Z",
                                5400, 200, 501))))));
        for (long unit : new long[] { 501, 502 }) {
            wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                            PodPointWireMock.API + "/units/" + unit + "/firmware"))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                            {"data":[{"serialNumber":"SN-%d","versionInfo":{"manifestId":"A30P-3.1.22",
                              "architecture":"arch3"},"updateStatus":{"isUpdateAvailable":false}}]}"""
                            .formatted(unit))));
        }
        if (latency > 0) {
            wm.setGlobalFixedDelay(latency);
        }
    }

    /** The glibc setting of the Docker image and the README: fewer malloc arenas, less resident memory. */
    static final String MALLOC_ARENA_MAX = System.getProperty("bench.malloc-arena-max", "2");

    /** The JVM that runs the app: {@code bench.java}, else the one running this benchmark. */
    static final String JAVA = System.getProperty("bench.java",
            Path.of(System.getProperty("java.home"), "bin", "java").toString());

    /** The first line of {@code java -version} of {@link #JAVA}, e.g. {@code openjdk version "25.0.3" 2026-04-21 LTS}. */
    static String javaVersion() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(JAVA, "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().findFirst().orElse("?").trim();
    }

    /** The README's command: jvm.options plus the class-data archive next to the jar when it was made. */
    static String defaultJvmOptions(Path jar) {
        Path cds = jar.resolveSibling("app-cds.jsa");
        return Files.isRegularFile(cds) ? JVM_OPTIONS + " -XX:SharedArchiveFile=" + cds : JVM_OPTIONS;
    }

    /**
     * Starts the app {@code runs} times: the first on an empty database (Flyway creates the schema), then restarts
     * on that database; prints each and the medians. The last start stays up for the rest of the benchmark.
     */
    void startUps(Path jar, String jvm, int runs) throws Exception {
        List<long[]> restarts = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            if (app != null) {
                stopApp();
            }
            long[] r = startApp(jar, jvm);
            String what = i == 0 ? "first start (empty database)" : "restart " + i;
            System.out.printf(Locale.ROOT, "BENCH start-up, %-28s: java -jar to the first getUpdates %5d ms, app CPU "
                    + "(user+sys) %5d ms, load %s%s%n", what, r[0], r[1], loadAverage().split(" ")[0],
                    archive(jvm) != null ? ", class-data archive " + (archiveMapped(archive(jvm)) ? "in use"
                            : "NOT in use (made for other jars or another JVM?)") : "");
            if (i > 0) {
                restarts.add(r);
            }
        }
        if (!restarts.isEmpty()) {
            System.out.printf(Locale.ROOT, "BENCH start-up, median of %d restarts: %d ms (CPU %d ms)%n",
                    restarts.size(), median(restarts, 0), median(restarts, 1));
        }
    }

    static long median(List<long[]> rows, int col) {
        long[] v = rows.stream().mapToLong(r -> r[col]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    void stopApp() throws Exception {
        app.destroy();
        if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor();
        }
    }

    /** Returns {wall ms to the first getUpdates, app CPU ms by then}. */
    long[] startApp(Path jar, String jvm) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        httpPort = port;
        jdbc = "jdbc:h2:file:" + work.toAbsolutePath().resolve("db/podbot") + ";AUTO_SERVER=TRUE";
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String base = wm.baseUrl();
        List<String> cmd = new ArrayList<>();
        cmd.add(JAVA);
        if (!jvm.isBlank()) {
            cmd.addAll(Arrays.asList(jvm.trim().split("\\s+")));
        }
        cmd.add("-jar");
        cmd.add(jar.toString()); // as given, like the README: a class-data archive records the jar's path
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve("app.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("BOT_")
                || k.startsWith("TELEGRAM_") || k.startsWith("PODPOINT_") || k.startsWith("JAVA_"));
        pb.environment().putAll(java.util.Map.of("TELEGRAM_BOT_TOKEN", tg.token(), "TELEGRAM_API_URL", tg.apiUrl(),
                "BOT_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key), "QUARKUS_HTTP_PORT",
                String.valueOf(port), "QUARKUS_DATASOURCE_JDBC_URL", jdbc, "BOT_POLL_INTERVAL",
                POLL_INTERVAL_SECONDS + "s", "PODPOINT_API_URL", base, "PODPOINT_AUTH_URL", base + PodPointWireMock.AUTH_PATH,
                "PODPOINT_TOKEN_URL", base + PodPointWireMock.TOKEN_PATH, "PODPOINT_MFA_URL", base + PodPointWireMock.MFA_PATH));
        pb.environment().put("PODPOINT_API_KEY", PodPointWireMockResource.API_KEY);
        pb.environment().remove("MALLOC_ARENA_MAX");
        if (!MALLOC_ARENA_MAX.isBlank()) {
            pb.environment().put("MALLOC_ARENA_MAX", MALLOC_ARENA_MAX);
        }
        int calls = tg.getUpdatesCalls();
        long t0 = System.nanoTime();
        app = pb.start();
        while (tg.getUpdatesCalls() == calls) {
            if (!app.isAlive() || System.nanoTime() - t0 > Duration.ofSeconds(60).toNanos()) {
                throw new AssertionError("the app did not start:\n" + Files.readString(work.resolve("app.log")));
            }
            Thread.sleep(2);
        }
        return new long[] { (System.nanoTime() - t0) / 1_000_000, cpuMillis() };
    }

    /** True when the app mapped its class-data archive (the JVM uses it silently or not at all). */
    boolean archiveMapped(String archive) throws IOException {
        return Files.readString(Path.of("/proc/" + app.pid() + "/maps"))
                .contains(Path.of(archive).toAbsolutePath().normalize().toString());
    }

    /** The -XX:SharedArchiveFile of the JVM options, or null. */
    static String archive(String jvm) {
        for (String o : jvm.trim().split("\\s+")) {
            if (o.startsWith("-XX:SharedArchiveFile=")) {
                return o.substring("-XX:SharedArchiveFile=".length());
            }
        }
        return null;
    }

    /** The app's CPU time so far (user + sys), from /proc. */
    long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + app.pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / 100; // USER_HZ is 100 on Linux
    }

    void run(int rate, int seconds, int fanout, int fanoutRate, int fanoutSeconds, int latency) throws Exception {
        Thread.sleep(5000);
        // an idle bot (no account linked yet, nothing to send): what its background work costs a small machine
        // after the first looks of the ticks: their first queries are parsed and compiled then, once
        int idleSeconds = Integer.getInteger("bench.idle-seconds", 20);
        Thread.sleep(15_000);
        long idleCpu0 = cpuMillis();
        java.util.Map<String, Long> idleThreads0 = threadCpuMillis();
        Thread.sleep(idleSeconds * 1000L);
        System.out.printf(Locale.ROOT, "BENCH idle CPU (no account, nothing to send; from 20 s after start-up): %.1f ms per second over %d s%n",
                (cpuMillis() - idleCpu0) / (double) idleSeconds, idleSeconds);
        System.out.printf(Locale.ROOT, "BENCH   by thread, ms per second: %s%n", byThread(idleThreads0, idleSeconds));
        System.out.printf(Locale.ROOT, "BENCH idle RSS after start-up: %d MB (%s)%n", rssMb(), rssParts());
        if (nmt()) {
            jcmd("VM.native_memory", "baseline");
        }
        if (Boolean.getBoolean("bench.startup-only")) {
            return;
        }

        // link the chats (in parallel: each chat has its own worker queue)
        for (int i = 0; i < CHATS; i++) {
            tg.userText(CHAT + i, "/login bench@example.com Bench-pw-1");
        }
        for (int i = 0; i < CHATS; i++) {
            long chat = CHAT + i;
            tg.awaitCall("deleteMessage", c -> c.isFor(chat), Duration.ofSeconds(60)); // the password is gone
            tg.awaitCall("sendMessage", c -> c.isFor(chat) && c.ok(), Duration.ofSeconds(60));
        }
        Thread.sleep(2000);
        for (int i = 0; i < CHATS; i++) {
            tg.userText(CHAT + i, "/pods");
        }
        for (int i = 0; i < CHATS; i++) {
            long chat = CHAT + i;
            tg.awaitCall("sendMessage", c -> c.isFor(chat) && c.ok() && c.text().contains("PSL-100001"),
                    Duration.ofSeconds(60));
        }

        // a quiet poll cycle: no command, nothing changes
        waitForPolls(CHATS * 2L); // the baseline poll and one more for each account
        System.out.printf("BENCH %d polls so far%n", polls());
        wm.resetRequests();
        long p0 = polls();
        long t0 = System.nanoTime();
        waitForPolls(p0 + CHATS);
        long polled = polls() - p0;
        double perPoll = (double) wm.getAllServeEvents().size() / polled;
        System.out.printf(Locale.ROOT, "BENCH quiet poll cycle: %.2f Pod Point calls per account (%d polls, %s); idle "
                + "RSS %d MB%n", perPoll, polled, byEndpoint(), rssMb());
        Thread.sleep(Math.max(0, 200 - (System.nanoTime() - t0) / 1_000_000));
        Thread.sleep(5000);
        System.out.printf(Locale.ROOT, "BENCH idle RSS after %d chats linked and polled: %d MB (%s)%n", CHATS, rssMb(),
                rssParts());
        nativeMemory();
        if (Boolean.getBoolean("bench.full-gc")) { // what the young collections cost once the old generation is compact
            jcmd("GC.run");
            System.out.printf("BENCH full collection after the logins: %s%n", jcmd("GC.heap_info").replaceAll("\\s+", " "));
        }
        if (Boolean.getBoolean("bench.memory-only")) {
            return;
        }

        int[] botMessage = new int[CHATS];
        for (int i = 0; i < CHATS; i++) {
            botMessage[i] = tg.messagesTo(CHAT + i).stream().filter(c -> c.text().contains("PSL-100001"))
                    .reduce((a, b) -> b).orElseThrow().messageId();
        }
        String[] names = { "/help", "/pods", "button" };
        int[] parts = { 1, 1, 1 };
        // the JIT is still compiling the reply path after the logins: a few seconds of each kind first (printed too)
        int warmUp = Integer.getInteger("bench.warmup-seconds", 5);
        for (int k = 0; k < names.length && warmUp > 0; k++) {
            String name = names[k];
            phase("(warm-up) " + name, rate, warmUp, parts[k], perPoll, i -> send(name, i, botMessage));
        }
        for (int k = 0; k < names.length; k++) {
            String name = names[k];
            phase(name, rate, seconds, parts[k], perPoll, i -> send(name, i, botMessage));
        }

        twoChargers(latency, botMessage);
        if (Boolean.getBoolean("bench.replies-only")) {
            return;
        }

        // the same during a fan-out
        insertFanOut(fanout);
        long w0 = System.nanoTime();
        while (fanoutSent() == 0) {
            if (System.nanoTime() - w0 > Duration.ofSeconds(30).toNanos()) {
                throw new AssertionError("the fan-out did not start; outbox: " + query(
                        "SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'") + " pending");
            }
            Thread.sleep(20);
        }
        for (int k = 0; k < names.length; k++) {
            String name = names[k];
            phase(name + " during fan-out", fanoutRate, fanoutSeconds, parts[k], perPoll,
                    i -> send(name, i, botMessage));
        }
        List<Long> fanTimes = tg.calls("sendMessage").stream().filter(c -> c.ok() && chatOf(c) >= FANOUT_CHAT
                && chatOf(c) < CHAT).map(FakeTelegramServer.Call::atNanos).sorted().toList();
        long first = fanTimes.get(0);
        long last = fanTimes.get(fanTimes.size() - 1);
        double secs = (last - first) / 1e9;
        int delivered = fanTimes.size();
        long replies = tg.calls().stream().filter(c -> c.ok() && c.atNanos() >= first && c.atNanos() <= last
                && ("sendmessage".equals(c.method()) || "editmessagetext".equals(c.method()))
                && chatOf(c) >= CHAT).count();
        long limited = tg.calls().stream().filter(c -> c.status() == 429).count();
        System.out.printf(Locale.ROOT, "BENCH fan-out: %d of %d notifications delivered in %.1f s (first to last) = %.1f "
                + "msg/s next to %d replies (%.1f msg/s); together %.1f msg/s of Telegram's 30; 429s from the fake "
                + "Bot API: %d; RSS %d MB%n", delivered, fanout, secs, delivered / secs, replies, replies / secs,
                (delivered + replies) / secs, limited, rssMb());
        assertThat(limited).isZero();
    }

    /** /pods for an account with two chargers, typed (after a poll) and with the Refresh button: time and calls. */
    void twoChargers(int latency, int[] botMessage) throws Exception {
        PodPointWireMock kit = new PodPointWireMock(wm);
        kit.stubPods(String.valueOf(USER), PodPointTestData.podsBody(DRIVE, STREET));
        kit.stubConnectivity("PSL-100002", PodPointTestData.connectivity("PSL-100002", true, "AVAILABLE"));
        waitForPolls(polls() + CHATS); // every account polled once with two chargers
        for (String how : new String[] { "typed /pods", "Refresh button" }) {
            // each in a chat of its own: the typed /pods's two messages use two of the chat's burst of three, and a
            // third and fourth message would wait for Telegram's per-chat limit, not for Pod Point
            int i = how.startsWith("typed") ? 0 : 1;
            long chat = CHAT + i;
            wm.resetRequests();
            long t0 = System.nanoTime();
            if (how.startsWith("typed")) {
                tg.userText(chat, "/pods");
            } else {
                tg.pressButton(chat, botMessage[i], PodsHandler.REFRESH);
            }
            List<FakeTelegramServer.Call> answer;
            try {
                answer = tg.awaitCalls("sendMessage", c -> c.isFor(chat) && c.ok() && c.atNanos() > t0
                        && c.text().contains("PSL-100002"), 1, Duration.ofSeconds(10));
            } catch (AssertionError e) {
                System.out.printf("BENCH /pods, 2 chargers, %s: no answer (not in this build)%n", how);
                continue;
            }
            double ms = (answer.get(0).atNanos() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "BENCH /pods, 2 chargers, %-14s: %5.0f ms, %d Pod Point calls %s%s%n", how, ms,
                    wm.getAllServeEvents().size(), byEndpoint(), latency > 0
                            ? String.format(Locale.ROOT, " = %.1f round trips of %d ms", ms / latency, latency) : "");
        }
    }

    /** Queues one update for chat {@code i} and returns its update id. */
    long send(String name, int i, int[] botMessage) {
        long chat = CHAT + i;
        switch (name) {
            case "/help", "/pods" -> tg.userText(chat, name);
            default -> tg.pressButton(chat, botMessage[i], "charges:1:new");
        }
        return tg.lastUpdateId();
    }

    /** {@code rate} updates/s for {@code seconds}, round robin over the chats; prints p50/p99 reply latency. */
    void phase(String name, int rate, int seconds, int parts, double perPoll, IntFunction<Long> sender)
            throws Exception {
        wm.resetRequests();
        long p0 = polls();
        long cpu0 = cpuMillis();
        java.util.Map<String, Long> threads0 = threadCpuMillis();
        double[] gc0 = gcPauses();
        int n = rate * seconds;
        long[] ids = new long[n];
        long[] chats = new long[n];
        long t0 = System.nanoTime();
        long gap = 1_000_000_000L / rate;
        for (int j = 0; j < n; j++) {
            long due = t0 + j * gap;
            while (System.nanoTime() < due) {
                Thread.sleep(0, 200_000);
            }
            int i = j % CHATS;
            chats[j] = CHAT + i;
            ids[j] = sender.apply(i);
        }
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            Thread.sleep(1000);
        } while (answered(ids, chats, parts) < n && System.nanoTime() < end);
        long[] lat = new long[n];
        int missing = 0;
        for (int j = 0; j < n; j++) {
            Long out = tg.handedOutAt(ids[j]);
            long chat = chats[j];
            List<FakeTelegramServer.Call> after = out == null ? List.of()
                    : tg.messagesTo(chat).stream().filter(c -> c.atNanos() >= out).limit(parts).toList();
            if (after.size() < parts) {
                missing++;
                lat[j] = Long.MAX_VALUE;
            } else {
                lat[j] = after.get(parts - 1).atNanos() - out;
            }
        }
        long cpu = cpuMillis() - cpu0; // includes the polls and, during the fan-out, the sender's work
        if (Boolean.getBoolean("bench.slowest")) { // when in the phase the slowest replies were handed out
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Long.compare(lat[b], lat[a]));
            StringBuilder sb = new StringBuilder();
            // the app's uptime too (as -Xlog:gc prints it), to line a slow reply up with the app's own log
            long appStartNanos = System.nanoTime() - Duration.between(app.info().startInstant().orElse(Instant.now()),
                    Instant.now()).toNanos();
            for (int j = 0; j < Math.min(6, n); j++) {
                Long out = tg.handedOutAt(ids[order[j]]);
                long wallMillis = out == null ? 0 : System.currentTimeMillis() - (System.nanoTime() - out) / 1_000_000;
                sb.append(String.format(Locale.ROOT, "%.1f ms at +%d ms (app uptime %.3f s, %03d ms past a second), ",
                        ms(lat[order[j]]), out == null ? -1 : (out - t0) / 1_000_000,
                        out == null ? -1 : (out - appStartNanos) / 1e9, wallMillis % 1000));
            }
            System.out.printf("BENCH   slowest: %s%n", sb);
        }
        Arrays.sort(lat);
        long polled = polls() - p0;
        double calls = Math.max(0, (wm.getAllServeEvents().size() - polled * perPoll) / n);
        System.out.printf(Locale.ROOT, "BENCH %-22s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%d updates, %d "
                + "unanswered%s; app CPU %.1f ms per update; load %s)%n", name, ms(lat[n / 2]),
                ms(lat[(int) (n * 0.99)]), ms(lat[n - 1]), n, missing,
                n >= 50 ? String.format(Locale.ROOT, "; %.2f Pod Point calls per update", calls) : "",
                (double) cpu / n, loadAverage().split(" ")[0]);
        System.out.printf(Locale.ROOT, "BENCH   its app CPU by thread, ms per update: %s%n", byThread(threads0, n));
        double[] gc = gcPauses();
        long over = Arrays.stream(lat).filter(l -> l > TAIL_NANOS).count();
        // the tail beside the collections: a reply in flight during a pause waits for all of it
        System.out.printf(Locale.ROOT, "BENCH   replies over %d ms: %d of %d (%.1f %%); the app's collections in the "
                + "phase: %.0f, paused %.1f ms in all (%.1f ms each)%n", TAIL_NANOS / 1_000_000, over, n,
                100.0 * over / n, gc[0] - gc0[0], gc[1] - gc0[1],
                gc[0] > gc0[0] ? (gc[1] - gc0[1]) / (gc[0] - gc0[0]) : 0);
    }

    /** The target of issue 11 for /help at p99: the benchmark counts the replies slower than it. */
    static final long TAIL_NANOS = Duration.ofMillis(5).toNanos();

    /**
     * {count, milliseconds} of the app's garbage-collection pauses so far, from its Prometheus metrics
     * ({@code jvm_gc_pause_seconds}); {0, 0} when they cannot be read.
     */
    double[] gcPauses() {
        double[] out = new double[2];
        try (java.io.InputStream in = java.net.URI.create("http://127.0.0.1:" + httpPort + "/q/metrics").toURL()
                .openStream()) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("jvm_gc_pause_seconds_count{")) {
                    out[0] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("jvm_gc_pause_seconds_sum{")) {
                    out[1] += 1000 * Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new double[2];
        }
        return out;
    }

    /** The 8 kinds of thread that used the most CPU since {@code before}, in ms per {@code per}. */
    String byThread(java.util.Map<String, Long> before, int per) throws IOException {
        java.util.Map<String, Long> now = threadCpuMillis();
        now.replaceAll((k, v) -> v - before.getOrDefault(k, 0L));
        return now.entrySet().stream()
                .filter(e -> e.getValue() > 0).sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8).map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), (double) e.getValue() / per))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The app's CPU time (user + sys) per kind of thread (its name without numbers), from /proc. */
    java.util.Map<String, Long> threadCpuMillis() throws IOException {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + app.pid() + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return out;
    }

    int answered(long[] ids, long[] chats, int parts) {
        int ok = 0;
        for (int j = 0; j < ids.length; j++) {
            Long out = tg.handedOutAt(ids[j]);
            long chat = chats[j];
            if (out != null && tg.messagesTo(chat).stream().filter(c -> c.atNanos() >= out).count() >= parts) {
                ok++;
            }
        }
        return ok;
    }

    static double ms(long nanos) {
        return nanos == Long.MAX_VALUE ? Double.NaN : nanos / 1e6;
    }

    String byEndpoint() {
        java.util.Map<String, Long> m = new java.util.TreeMap<>();
        wm.getAllServeEvents().forEach(e -> m.merge(e.getRequest().getMethod() + " "
                + e.getRequest().getUrl().replaceAll("\\?.*", "").replaceAll("\\d+", "N"), 1L, Long::sum));
        return m.toString();
    }

    long polls() throws SQLException {
        return query("SELECT COALESCE(SUM(poll_count), 0) FROM poll_state");
    }

    void waitForPolls(long atLeast) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (polls() < atLeast && System.nanoTime() < end) {
            Thread.sleep(200);
        }
    }

    int fanoutSent() {
        return (int) tg.calls("sendMessage").stream().filter(c -> c.ok() && chatOf(c) >= FANOUT_CHAT
                && chatOf(c) < CHAT).count();
    }

    static long chatOf(FakeTelegramServer.Call c) {
        try {
            return Long.parseLong(c.chatId());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    long query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc, "podbot", ""); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@code n} chats (their sign-in failed, so they are not polled) each with one pending notification. */
    void insertFanOut(int n) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc, "podbot", "")) {
            dev.podbot.notify.FanOutRows.insert(c, FANOUT_CHAT, n, Instant.now(), "bench:",
                    "⚡ <b>Charge complete</b> on Drive: 7.5 kWh in 2h 00m, £2.00");
        }
    }

    /**
     * With {@code -XX:NativeMemoryTracking=summary} in {@code bench.jvm-options}: where the JVM's memory goes (heap,
     * classes, threads, code, GC, ...), committed MB per area and its change since the start-up figure, from
     * {@code jcmd VM.native_memory summary.diff}.
     */
    void nativeMemory() throws Exception {
        if (Boolean.getBoolean("bench.histogram")) { // the heap's largest classes (a full collection first)
            String[] lines = jcmd("GC.class_histogram").split("\n");
            System.out.printf("BENCH heap histogram after a full collection:%n%s%n",
                    String.join("\n", Arrays.copyOfRange(lines, 0, Math.min(lines.length, 45))) + "\n"
                            + lines[lines.length - 1]);
            System.out.printf("BENCH heap after it: %s%n", jcmd("GC.heap_info").replaceAll("\\s+", " "));
        }
        if (!nmt()) {
            return;
        }
        String out = jcmd("VM.native_memory", "summary.diff", "scale=MB");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^(?:Total:\\s*|-\\s+([A-Za-z ]+?)\\s+\\()"
                + "reserved=\\d+MB(?: [+-]\\d+MB)?, committed=(\\d+MB(?: [+-]\\d+MB)?)").matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            sb.append(m.group(1) == null ? "Total" : m.group(1).trim()).append(' ').append(m.group(2)).append(", ");
        }
        System.out.printf("BENCH native memory committed, and its change since start-up: %s%n",
                sb.length() == 0 ? out : sb);
    }

    static boolean nmt() {
        return String.valueOf(System.getProperty("bench.jvm-options")).contains("NativeMemoryTracking");
    }

    String jcmd(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(app.pid())));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        return out;
    }

    long rssMb() throws IOException {
        return Files.readAllLines(Path.of("/proc/" + app.pid() + "/status")).stream()
                .filter(l -> l.startsWith("VmRSS")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(-1L);
    }

    /**
     * RSS in its kinds: anonymous (heap, stacks, malloc) and file-backed pages (the JVM's libraries, the jars and the
     * class-data archive, which the kernel can drop and read back), and how much of the archive is resident.
     */
    String rssParts() throws IOException {
        java.util.Map<String, Long> kb = new java.util.LinkedHashMap<>();
        for (String l : Files.readAllLines(Path.of("/proc/" + app.pid() + "/status"))) {
            if (l.startsWith("RssAnon") || l.startsWith("RssFile")) {
                kb.put(l.substring(0, l.indexOf(':')), Long.parseLong(l.replaceAll("\\D", "")));
            }
        }
        long archive = 0;
        boolean inArchive = false;
        for (String l : Files.readAllLines(Path.of("/proc/" + app.pid() + "/smaps"))) {
            if (l.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                inArchive = l.endsWith(".jsa");
            } else if (inArchive && l.startsWith("Rss:")) {
                archive += Long.parseLong(l.replaceAll("\\D", ""));
            }
        }
        return String.format(Locale.ROOT, "anonymous %d MB, file-backed %d MB, of which the class-data archive %d MB",
                kb.getOrDefault("RssAnon", 0L) / 1024, kb.getOrDefault("RssFile", 0L) / 1024, archive / 1024);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }
}
