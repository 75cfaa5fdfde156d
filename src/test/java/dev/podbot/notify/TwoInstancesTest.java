package dev.podbot.notify;

import static dev.podbot.notify.DetectorFixtures.charge;
import static dev.podbot.notify.DetectorFixtures.conn;
import static dev.podbot.notify.DetectorFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.podbot.BotConfig;
import dev.podbot.account.AccountService;
import dev.podbot.account.ChatAccount;
import dev.podbot.podpoint.PodPointSession;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Two instances sharing one PostgreSQL: two pollers ("A", "B") and two senders claim concurrently with real
 * transactions ({@code FOR UPDATE SKIP LOCKED}). Every account is polled exactly once per cycle and every outbox
 * row is delivered exactly once. Runs only in the PostgreSQL build:
 * {@code ./mvnw -B verify -Ppostgresql -Dtest='dev.podbot.notify.**'} (PostgreSQL on 127.0.0.1:5432, user postgres).
 */
@ExtendWith(PostgresOnly.class)
@QuarkusTest
@TestProfile(NotifyTestProfile.class)
class TwoInstancesTest {

    static final int ACCOUNTS = 40;
    static final long FIRST = 9100;

    @Inject
    AgroalDataSource ds;
    @Inject
    NotifyGate gate;
    @Inject
    PollCoordinator coordinator;
    @Inject
    PollStateRepository store;
    @Inject
    AccountPoller poller;
    @Inject
    OutboxSender sender;
    @Inject
    AccountService accounts;
    @Inject
    FakePodPointClient podPoint;
    @Inject
    RecordingTransport transport;
    @Inject
    TestClock clock;
    @Inject
    BotConfig bot;
    @Inject
    NotifyConfig config;

    @AfterEach
    void clean() {
        QuarkusTransaction.requiringNew().run(() -> ChatAccount.deleteAll());
        clock.reset();
        transport.reset();
        gate.resume();
    }

    boolean postgres() throws Exception {
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    @Test
    void twoInstancesNeverPollTheSameAccountInACycleNorSendARowTwice() throws Exception {
        Assumptions.assumeTrue(postgres(), "Two-instance test skipped: it needs PostgreSQL. Run "
                + "./mvnw -B verify -Ppostgresql -Dtest='dev.podbot.notify.**' with PostgreSQL on 127.0.0.1:5432 "
                + "(user postgres, database podbot_test)");
        assertThat(gate.pause(Duration.ofSeconds(10))).isTrue(); // the app's own ticks stay out of the way
        assertThat(coordinator.awaitIdle(Duration.ofSeconds(10))).isTrue();
        transport.reset();
        podPoint.reset();
        for (long chat = FIRST; chat < FIRST + ACCOUNTS; chat++) {
            FakePodPointClient.Account a = podPoint.account("u" + chat);
            a.pods.add(pod(chat, chat * 10, "Pod " + chat));
            a.connectivity.put(chat * 10, conn("ONLINE", "AVAILABLE"));
            PodPointSession s = new PodPointSession("p" + chat + "@example.com", "pw");
            s.updateTokens("id", "rt", Instant.now().plusSeconds(3600));
            s.userId("u" + chat);
            accounts.link(chat, chat, s);
        }
        Instant t = clock.now();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int cycle = 0; cycle < 3; cycle++) {
                if (cycle == 1) {
                    for (long chat = FIRST; chat < FIRST + ACCOUNTS; chat++) {
                        podPoint.account("u" + chat).addNewest(charge(chat * 7, chat * 10, t.minusSeconds(3600),
                                clock.now(), 5.5, 120));
                    }
                }
                Instant now = clock.now();
                Tx.run(() -> store.ensurePollStates(now));
                CountDownLatch go = new CountDownLatch(1);
                Function<String, Callable<List<Long>>> instance = id -> () -> {
                    go.await();
                    List<Long> mine = new ArrayList<>();
                    while (true) {
                        List<Long> claimed = Tx.run(() -> store.claimDueAccounts(id, now, 3, bot.pollInterval(),
                                config.claimTimeout()));
                        if (claimed.isEmpty()) {
                            return mine;
                        }
                        for (long chat : claimed) {
                            assertThat(poller.poll(chat)).isEqualTo(AccountPoller.Outcome.OK);
                        }
                        mine.addAll(claimed);
                    }
                };
                Future<List<Long>> a = pool.submit(instance.apply("A"));
                Future<List<Long>> b = pool.submit(instance.apply("B"));
                go.countDown();
                List<Long> byA = a.get();
                List<Long> byB = b.get();
                List<Long> all = new ArrayList<>(byA);
                all.addAll(byB);
                Map<Long, Long> times = all.stream().collect(Collectors.groupingBy(x -> x, Collectors.counting()));
                assertThat(times).as("cycle %d: every account polled exactly once", cycle).hasSize(ACCOUNTS);
                assertThat(times.values()).allMatch(n -> n == 1);
                assertThat(Collections.disjoint(byA, byB)).isTrue();
                clock.advance(bot.pollInterval().plusMillis(1)); // next cycle: every slot has come round once
            }
            assertThat(count("select count(*) from outbox where status = 'PENDING'")).isEqualTo(ACCOUNTS);

            CountDownLatch go = new CountDownLatch(1);
            Callable<Integer> send = () -> {
                go.await();
                int n = 0;
                int got;
                while ((got = sender.sendDue(Thread.currentThread().getName(), 3)) > 0) {
                    n += got;
                }
                return n;
            };
            Future<Integer> sa = pool.submit(send);
            Future<Integer> sb = pool.submit(send);
            go.countDown();
            assertThat(sa.get() + sb.get()).isEqualTo(ACCOUNTS);
            assertThat(transport.all()).hasSize(ACCOUNTS);
            assertThat(transport.all().stream().map(RecordingTransport.Delivery::chatId).distinct().count())
                    .isEqualTo(ACCOUNTS);
            assertThat(count("select count(*) from outbox where status = 'SENT'")).isEqualTo(ACCOUNTS);
            assertThat(count("select count(distinct claimed_by) from outbox")).as("both senders took part")
                    .isBetween(1L, 2L);
        } finally {
            pool.shutdownNow();
        }
    }

    long count(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
