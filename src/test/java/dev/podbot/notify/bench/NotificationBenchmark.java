package dev.podbot.notify.bench;

import static dev.podbot.notify.DetectorFixtures.charge;
import static dev.podbot.notify.DetectorFixtures.conn;
import static dev.podbot.notify.DetectorFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.podbot.account.AccountService;
import dev.podbot.account.ChatAccount;
import dev.podbot.notify.FakePodPointClient;
import dev.podbot.notify.PollCoordinator;
import dev.podbot.notify.TestClock;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.receipt.ReceiptWatcher;
import dev.podbot.telegram.FakeTelegramResource;
import dev.podbot.telegram.FakeTelegramServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Load benchmark (opt-in): N accounts with 1–2 pods each against an in-memory Pod Point answering every call after
 * 50 ms, the real scheduler, outbox and Telegram transport (fake Bot API). Prints poll-cycle wall time, CPU time per
 * account, heap and RSS, then the delivery throughput when every account completes a charge at once.
 *
 * <pre>
 * ./mvnw -B test -Dtest=NotificationBenchmark -Dpodbot.bench=true -Dbench.accounts=1000 [-Dbench.concurrency=32]
 * </pre>
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@EnabledIfSystemProperty(named = "podbot.bench", matches = "true",
        disabledReason = "benchmark: run with -Dtest=NotificationBenchmark -Dpodbot.bench=true -Dbench.accounts=1000")
class NotificationBenchmark {

    static final long FIRST = 2_000_000;

    @Inject
    AccountService accounts;
    @Inject
    FakePodPointClient podPoint;
    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource ds;
    @Inject
    ReceiptWatcher receipts;
    @Inject
    PollCoordinator polls;

    long count(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                    .findFirst().map(l -> l.replaceAll("\\s+", " ")).orElse("n/a");
        } catch (Exception e) {
            return "n/a";
        }
    }

    static String heap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return ((r.totalMemory() - r.freeMemory()) >> 20) + " MiB used";
    }

    /** Waits until every account has at least {@code polls} polls; returns the wall time. */
    Duration cycle(int n, long polls) throws Exception {
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        while (count("select count(*) from poll_state where poll_count >= " + polls) < n) {
            Thread.sleep(100);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - t0);
        double cpuPerAccount = (cpuNanos() - cpu0) / 1e6 / n;
        System.out.printf(Locale.ROOT, "BENCH cycle %d: %d accounts polled in %.1f s wall, %.2f ms CPU per account, heap %s, %s%n",
                polls, n, wall.toMillis() / 1000.0, cpuPerAccount, heap(), rss());
        return wall;
    }

    long podReads(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += podPoint.account("u" + (FIRST + i)).podCalls.get();
        }
        return sum;
    }

    /**
     * Issue 13: a minute of receipt ticks (15 s steps of the clock) with no change in flight adds no Pod Point call:
     * every pod read in that minute is a regular poll's.
     */
    void receiptsCostNothingWhenNothingIsInFlight(int n) throws Exception {
        polls.awaitIdle(Duration.ofMinutes(1));
        long reads0 = podReads(n);
        long polls0 = count("select coalesce(sum(poll_count), 0) from poll_state");
        int ticks = 0;
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(15));
            ticks += receipts.submitDue().size();
            receipts.awaitIdle(Duration.ofSeconds(30));
        }
        polls.awaitIdle(Duration.ofMinutes(1));
        long reads = podReads(n) - reads0;
        long pollsDone = count("select coalesce(sum(poll_count), 0) from poll_state") - polls0;
        System.out.printf(Locale.ROOT, "BENCH receipts: %d accounts with no change in flight, 4 receipt ticks over 60 s "
                + "of clock: %d accounts read for receipts; %d Pod Point pod reads, all %d by regular polls; extra from "
                + "receipts: %d%n", n, ticks, reads, pollsDone, reads - pollsDone);
        assertThat(ticks).isZero();
        assertThat(reads).isEqualTo(pollsDone);
    }

    @Test
    void benchmark() throws Exception {
        int n = Integer.getInteger("bench.accounts", 1000);
        FakeTelegramServer tg = FakeTelegramResource.server();
        tg.enforceFloodLimit(30); // like Telegram: a 31st message within one second gets a 429
        System.out.printf("BENCH %d accounts, 50 ms Pod Point latency, start: heap %s, %s%n", n, heap(), rss());
        for (int i = 0; i < n; i++) {
            long chat = FIRST + i;
            FakePodPointClient.Account a = podPoint.account("u" + chat);
            a.latencyMillis = 50;
            int pods = i % 2 == 0 ? 1 : 2;
            for (int p = 0; p < pods; p++) {
                long unit = chat * 10 + p;
                a.pods.add(pod(unit, unit, "Pod " + p));
                a.connectivity.put(unit, conn("ONLINE", "AVAILABLE"));
            }
            PodPointSession s = new PodPointSession("b" + chat + "@example.com", "pw");
            s.updateTokens("id", "rt", Instant.now().plusSeconds(3600));
            s.userId("u" + chat);
            accounts.link(chat, chat, s);
        }
        cycle(n, 1); // baseline: every newly linked account is due at once
        clock.advance(Duration.ofSeconds(301)); // next cycle: every slot has come round
        cycle(n, 2);
        receiptsCostNothingWhenNothingIsInFlight(n);

        // every account completes a charge at once
        for (int i = 0; i < n; i++) {
            long chat = FIRST + i;
            podPoint.account("u" + chat).addNewest(charge(chat, chat * 10, clock.now().minusSeconds(3600), clock.now(), 7.5, 200));
        }
        int before = tg.calls("sendMessage").size();
        clock.advance(Duration.ofSeconds(301));
        cycle(n, 3);
        long t0 = System.nanoTime();
        while (count("select count(*) from outbox where status = 'SENT'") < n) {
            Thread.sleep(200);
            if (System.nanoTime() - t0 > Duration.ofMinutes(15).toNanos()) {
                break;
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long sent = count("select count(*) from outbox where status = 'SENT'");
        long rateLimited = tg.calls().stream().filter(c -> c.status() == 429).count();
        // sustained rate: delivered messages between the first and the last delivery
        java.util.List<Long> delivered = tg.calls("sendMessage").stream().filter(c -> c.status() == 200)
                .map(FakeTelegramServer.Call::atNanos).sorted().toList();
        double span = delivered.size() < 2 ? 0 : (delivered.get(delivered.size() - 1) - delivered.get(0)) / 1e9;
        int maxInOneSecond = 0;
        for (int i = 0, j = 0; i < delivered.size(); i++) {
            while (delivered.get(i) - delivered.get(j) >= 1_000_000_000L) {
                j++;
            }
            maxInOneSecond = Math.max(maxInOneSecond, i - j + 1);
        }
        System.out.printf(Locale.ROOT, "BENCH sustained delivery: %d messages in %.1f s = %.1f msg/s; most in any one "
                + "second: %d%n", delivered.size(), span, span == 0 ? 0 : (delivered.size() - 1) / span, maxInOneSecond);
        System.out.printf(Locale.ROOT, "BENCH notifications: %d of %d delivered in %.1f s (from the end of the poll "
                + "cycle) = %.1f msg/s; 429s from Telegram: %d; sendMessage calls: %d; heap %s, %s%n",
                sent, n, secs, sent / secs, rateLimited, tg.calls("sendMessage").size() - before, heap(), rss());
        assertThat(sent).isEqualTo(n);
        assertThat(rateLimited).isZero();
        QuarkusTransaction.requiringNew().run(() -> ChatAccount.deleteAll());
    }
}
