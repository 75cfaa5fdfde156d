package dev.podbot.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Writes a fan-out straight into the database, as every account completing a charge at once leaves it: per chat one
 * account (not signed in, so the poller leaves it alone, but active, so it gets notifications) and one pending
 * notification, all in one transaction. Used by the benchmarks and by {@link DueRowsUnderLoadTest}.
 */
public final class FanOutRows {

    private FanOutRows() {
    }

    /** Chats {@code firstChat} to {@code firstChat + n - 1}; each row's dedup key is {@code dedupPrefix + chat}. */
    public static void insert(Connection c, long firstChat, int n, Instant now, String dedupPrefix, String body)
            throws SQLException {
        Timestamp ts = Timestamp.from(now);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement a = c.prepareStatement("insert into chat_account (chat_id, telegram_user_id, "
                + "email_enc, password_enc, status, chat_active, linked_at, updated_at, version) "
                + "values (?, ?, 'x', 'x', 'AUTH_FAILED', true, ?, ?, 0)");
                PreparedStatement o = c.prepareStatement("insert into outbox (chat_id, dedup_key, kind, body, "
                        + "status, created_at, deliver_after, attempts) values (?, ?, 'CHARGE_COMPLETED', ?, "
                        + "'PENDING', ?, ?, 0)")) {
            for (int i = 0; i < n; i++) {
                long chat = firstChat + i;
                a.setLong(1, chat);
                a.setLong(2, chat);
                a.setTimestamp(3, ts);
                a.setTimestamp(4, ts);
                a.addBatch();
                o.setLong(1, chat);
                o.setString(2, dedupPrefix + chat);
                o.setString(3, body);
                o.setTimestamp(4, ts);
                o.setTimestamp(5, ts);
                o.addBatch();
            }
            a.executeBatch();
            o.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
