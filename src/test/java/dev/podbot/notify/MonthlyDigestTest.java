package dev.podbot.notify;

import static dev.podbot.notify.DetectorFixtures.charge;
import static dev.podbot.notify.DetectorFixtures.conn;
import static dev.podbot.notify.DetectorFixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.podbot.account.AccountService;
import dev.podbot.account.ChatAccount;
import dev.podbot.command.Reply;
import dev.podbot.podpoint.PodPointSession;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The monthly digest through the real outbox and sender, on the test clock: due from 09:00 on the 1st (London),
 * queued once however often it is checked (a restart, a second instance), sent once by two senders racing, held by
 * quiet hours, skipped when switched off, and not sent to a chat linked after the catch-up days.
 */
@QuarkusTest
@TestProfile(NotifyTestProfile.class)
class MonthlyDigestTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    AccountService accounts;
    @Inject
    FakePodPointClient podPoint;
    @Inject
    RecordingTransport transport;
    @Inject
    TestClock clock;
    @Inject
    OutboxSender sender;
    @Inject
    PollCoordinator coordinator;
    @Inject
    NotifyPrefsService prefs;
    @Inject
    NotifyGate gate;
    @Inject
    MonthlyDigest digest;
    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void start() throws InterruptedException {
        podPoint.reset();
        transport.reset();
        clock.reset();
        // the app's own ticks stay out of the way: this test runs the digest check and the sender itself
        assertThat(gate.pause(WAIT)).isTrue();
        assertThat(coordinator.awaitIdle(WAIT)).isTrue();
    }

    @AfterEach
    void clean() {
        QuarkusTransaction.requiringNew().run(() -> ChatAccount.deleteAll());
        gate.resume();
    }

    FakePodPointClient.Account link(long chat) {
        return podPoint.linkWithOnePod(accounts, chat);
    }

    long count(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Two instances' senders at once; returns how many rows each took. */
    List<Integer> twoSenders() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> both = List.of(() -> sender.sendDue("instance-a"), () -> sender.sendDue("instance-b"));
            return pool.invokeAll(both).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDigestIsQueuedAndSentExactlyOnceOnTheFirstAtNine() throws Exception {
        // the 1st of next month, London time; "last month" is then the month the clock starts in
        YearMonth reported = YearMonth.from(clock.now().atZone(LONDON));
        Instant first = reported.plusMonths(1).atDay(1).atTime(8, 59).atZone(LONDON).toInstant();
        Instant inReported = reported.atDay(2).atTime(19, 0).atZone(LONDON).toInstant();
        Instant inMonthBefore = reported.minusMonths(1).atDay(2).atTime(19, 0).atZone(LONDON).toInstant();

        long on = 7101, off = 7102, quiet = 7103;
        FakePodPointClient.Account a = link(on);
        a.addNewest(charge(2, on * 100, inMonthBefore, inMonthBefore.plusSeconds(3600), 5.0, 75));
        a.addNewest(charge(3, on * 100, inReported, inReported.plusSeconds(7200), 12.0, 180));
        link(off);
        prefs.toggle(off, EventKind.MONTHLY_DIGEST);
        link(quiet);
        prefs.setQuiet(quiet, Optional.of(new QuietHours(LocalTime.of(8, 0), LocalTime.of(10, 0))));

        clock.advanceTo(first);
        assertThat(digest.enqueueDue()).as("not before 09:00").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(digest.enqueueDue()).as("the chats with the digest on").isEqualTo(2);
        // checked again (a restart, the next minute, a second instance): nothing more
        assertThat(digest.enqueueDue()).isZero();
        assertThat(digest.enqueueDue()).isZero();
        assertThat(count("select count(*) from outbox where kind = 'MONTHLY_DIGEST'")).isEqualTo(2);

        List<Integer> taken = twoSenders();
        assertThat(taken.stream().mapToInt(Integer::intValue).sum()).as("one row, one sender").isEqualTo(1);
        assertThat(transport.to(on)).hasSize(1);
        assertThat(transport.to(off)).isEmpty();
        assertThat(transport.to(quiet)).as("held by quiet hours until 10:00").isEmpty();

        Reply r = transport.to(on).get(0).reply();
        assertThat(r.hasAttachment()).isTrue();
        assertThat(r.attachment().isPhoto()).isTrue();
        assertThat(ImageIO.read(new ByteArrayInputStream(r.attachment().bytes())).getWidth()).isGreaterThanOrEqualTo(1000);
        String month = reported.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK) + " "
                + reported.getYear();
        assertThat(r.text()).contains("Monthly digest", month, "12.0 kWh", "£1.80", "1 charge ",
                "Compared with", "+7.0 kWh (+140%)", "+£1.05");
        assertThat(r.buttons().get(0).get(0).data()).startsWith("stats:m:");

        // the sent row stays: a restart that checks again queues nothing and sends nothing
        assertThat(digest.enqueueDue()).isZero();
        assertThat(twoSenders().stream().mapToInt(Integer::intValue).sum()).isZero();
        assertThat(transport.to(on)).hasSize(1);

        // after the quiet hours, the quiet chat gets its digest (no charges: a short text), once
        clock.advanceTo(reported.plusMonths(1).atDay(1).atTime(10, 1).atZone(LONDON).toInstant());
        twoSenders();
        twoSenders();
        assertThat(transport.to(quiet)).hasSize(1);
        assertThat(transport.to(quiet).get(0).reply().text()).contains("Monthly digest", "No finished charges");
        assertThat(transport.to(on)).hasSize(1);
        assertThat(transport.to(off)).isEmpty();

        // a chat linked after the catch-up days gets no old digest
        clock.advanceTo(reported.plusMonths(1).atDay(4).atTime(9, 0).atZone(LONDON).toInstant());
        link(7104);
        assertThat(digest.enqueueDue()).isZero();
    }

    @Test
    void theDigestIsAKindInNotifyOnByDefault() {
        assertThat(EventKind.MONTHLY_DIGEST.optional()).isTrue();
        assertThat(EventKind.MONTHLY_DIGEST.urgent()).isFalse();
        assertThat(NotifyPrefs.defaults().wants(EventKind.MONTHLY_DIGEST)).isTrue();
        assertThat(NotifyCommand.render(NotifyPrefs.defaults()).buttons().stream().flatMap(List::stream)
                .map(b -> b.data()).toList()).contains("notify:toggle:digest");
    }
}
