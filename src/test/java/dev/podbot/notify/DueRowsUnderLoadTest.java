package dev.podbot.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Picking the due rows of a big fan-out (and the due accounts of a big poll round) stays cheap while the bot is busy. Every account completing a charge at once
 * fills the outbox with one row per chat; the query that picks the next batch must not grow with rows × accounts.
 * On H2 it did: the "chat is active" condition, written as {@code chatId in (select ... from ChatAccount ...)}, is
 * checked row by row, and H2 reuses the subquery's result only while nothing writes to chat_account; the poller
 * (tokens) and every update (a chat marked active) do, so it ran the subquery again for each pending row. With
 * 10,000 of each the ReplyLatencyBenchmark's fan-out waited more than 30 s for its first batch, and a plain H2 run of
 * the same query took 80 s. The poller's "which accounts are due" had the same condition. Notifications off here (the default test profile), so no tick takes the rows.
 */
@QuarkusTest
class DueRowsUnderLoadTest {

    static final long FIRST_CHAT = 61_000_000L;
    static final int CHATS = 10_000;

    @Inject
    OutboxRepository outbox;
    @Inject
    PollStateRepository pollStates;
    @Inject
    AgroalDataSource ds;

    @AfterEach
    void clean() throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("delete from poll_state where chat_id >= " + FIRST_CHAT + " and chat_id < "
                    + (FIRST_CHAT + CHATS));
            st.executeUpdate("delete from outbox where chat_id >= " + FIRST_CHAT + " and chat_id < " + (FIRST_CHAT + CHATS));
            st.executeUpdate("delete from chat_account where chat_id >= " + FIRST_CHAT + " and chat_id < "
                    + (FIRST_CHAT + CHATS));
        }
    }

    @Test
    void theNextBatchOfAFanOutIsPickedWithoutAScanPerPendingRow() throws Exception {
        Instant now = Instant.now();
        insertFanOut(now);

        List<OutboxRow> batch = whileChatAccountIsWritten(() -> Tx.run(() -> outbox.due(now.plusSeconds(1), 50)));

        assertThat(batch).hasSize(50);
        assertThat(batch).extracting(OutboxRow::chatId).first().isEqualTo(FIRST_CHAT);
        assertThat(batch).extracting(OutboxRow::id).isSorted();
    }

    @Test
    void chatsThatAreNotActiveAreLeftOut() throws Exception {
        Instant now = Instant.now();
        insertFanOut(now);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("update chat_account set chat_active = false where chat_id < " + (FIRST_CHAT + 10));
        }

        List<OutboxRow> batch = Tx.run(() -> outbox.due(now.plusSeconds(1), 5));

        assertThat(batch).extracting(OutboxRow::chatId)
                .containsExactly(FIRST_CHAT + 10, FIRST_CHAT + 11, FIRST_CHAT + 12, FIRST_CHAT + 13, FIRST_CHAT + 14);
    }

    @Test
    void theDueAccountsOfABigPollRoundAreClaimedWithoutAScanPerAccount() throws Exception {
        Instant now = Instant.now();
        insertFanOut(now);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("update chat_account set status = 'LINKED' where chat_id >= " + FIRST_CHAT);
            st.executeUpdate("insert into poll_state (chat_id, next_poll_at, failures, first_poll_done, poll_count, "
                    + "auth_seq) select chat_id, updated_at, 0, false, 0, 0 from chat_account where chat_id >= "
                    + FIRST_CHAT);
        }

        List<Long> claimed = whileChatAccountIsWritten(() -> Tx.run(() -> pollStates.claimDueAccounts("test-a",
                now.plusSeconds(1), 32, Duration.ofMinutes(5), Duration.ofMinutes(2))));

        assertThat(claimed).hasSize(32).allMatch(chat -> chat >= FIRST_CHAT);
    }

    /**
     * Runs the query while another connection writes to chat_account, as the poller and the updates of a busy bot
     * do; 10,000 × 10,000 row visits take more than a minute, the query itself a few tens of milliseconds.
     */
    <T> T whileChatAccountIsWritten(org.junit.jupiter.api.function.ThrowingSupplier<T> query) throws Exception {
        AtomicBoolean busy = new AtomicBoolean(true);
        Thread writer = new Thread(() -> touchAnAccountUntil(busy), "chat-account-writer");
        writer.start();
        try {
            return assertTimeoutPreemptively(Duration.ofSeconds(10), query);
        } finally {
            busy.set(false);
            writer.join();
        }
    }

    /** What a busy bot does meanwhile: writes to chat_account (here one row's updated_at, every 2 ms). */
    void touchAnAccountUntil(AtomicBoolean busy) {
        try (Connection c = ds.getConnection(); PreparedStatement u = c.prepareStatement(
                "update chat_account set updated_at = current_timestamp where chat_id = " + (FIRST_CHAT + CHATS - 1))) {
            while (busy.get()) {
                u.executeUpdate();
                Thread.sleep(2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void insertFanOut(Instant now) throws SQLException {
        try (Connection c = ds.getConnection()) {
            FanOutRows.insert(c, FIRST_CHAT, CHATS, now, "due-test:", "<b>Charge complete</b>");
        }
    }
}
