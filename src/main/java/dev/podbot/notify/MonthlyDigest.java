package dev.podbot.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.command.Reply;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The monthly digest: from 09:00 on the 1st of each month (in {@code NOTIFY_TIMEZONE}) every linked chat that has
 * the digest switched on gets one outbox row for last month, keyed {@code digest:<chat>:<yyyy-MM>}. The unique key
 * makes it exactly once: a restart, a second check or a second instance finds the row (or loses the race to
 * insert it) and adds nothing. Quiet hours hold it like any other notification. The chart and totals are drawn
 * when the row is sent ({@link DigestRenderer}); the row's body holds the month ({@code 2026-10}).
 *
 * <p>{@code NOTIFY_DIGEST=false} stops this instance from queueing digests. Rows are added only during the first {@value #CATCH_UP_DAYS} days of a month, so a bot that was down on the
 * 1st still sends it, but a chat linked later in the month does not get an old digest.
 */
@ApplicationScoped
public class MonthlyDigest {

    static final LocalTime AT = LocalTime.of(9, 0);
    static final int CATCH_UP_DAYS = 3;

    @Inject
    OutboxRepository outbox;

    @Inject
    NotifyConfig config;

    @Inject
    NotifyClock clock;

    @Inject
    NotifyGate gate;

    @Inject
    AgroalDataSource dataSource;

    @Scheduled(every = "60s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = NotifyDisabled.class)
    void tick() {
        if (!config.digest() || !gate.enter()) {
            return;
        }
        try {
            enqueueDue();
        } catch (RuntimeException e) {
            Log.warnf("Monthly digest check failed (%s)", e.getClass().getSimpleName());
        } finally {
            gate.exit();
        }
    }

    /** The month a digest is due for now (last month), or null outside the 1st 09:00 … 3rd 23:59 window. */
    YearMonth dueMonth(Instant now) {
        ZonedDateTime local = now.atZone(config.timezone());
        if (local.getDayOfMonth() > CATCH_UP_DAYS || local.getDayOfMonth() == 1 && local.toLocalTime().isBefore(AT)) {
            return null;
        }
        return YearMonth.from(local).minusMonths(1);
    }

    /** Adds the digest rows due now; returns how many this call added (0 when none was due or all exist). */
    public int enqueueDue() {
        Instant now = clock.now();
        YearMonth month = dueMonth(now);
        if (month == null) {
            return 0;
        }
        Instant due = month.plusMonths(1).atDay(1).atTime(AT).atZone(config.timezone()).toInstant();
        List<Long> chats = Tx.run(() -> candidates(month, due));
        int added = 0;
        for (long chat : chats) {
            try {
                boolean inserted = Tx.run(() -> outbox.enqueue(chat, new Notification(EventKind.MONTHLY_DIGEST,
                        key(chat, month), Reply.of(month.toString())), now, config.timezone()));
                added += inserted ? 1 : 0;
            } catch (RuntimeException e) {
                // another instance inserted the same key first (unique constraint): it is there, once
                Log.debugf("Chat %d: digest for %s already queued elsewhere (%s)", chat, month,
                        e.getClass().getSimpleName());
            }
        }
        if (added > 0) {
            Log.infof("Queued %d monthly digest(s) for %s", added, month);
        }
        return added;
    }

    static String key(long chat, YearMonth month) {
        return "digest:" + chat + ":" + month;
    }

    /**
     * Linked, reachable chats linked before the digest was due, without a digest row for the month and without
     * the digest switched off. Plain SQL: one set-based query instead of loading every account and its preferences.
     */
    private List<Long> candidates(YearMonth month, Instant due) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT a.chat_id FROM chat_account a WHERE a.status = 'LINKED' AND a.chat_active = TRUE "
                        + "AND a.linked_at <= ? "
                        + "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dedup_key = CONCAT('digest:', "
                        + "CAST(a.chat_id AS VARCHAR(20)), ?)) "
                        + "AND NOT EXISTS (SELECT 1 FROM notify_prefs p WHERE p.chat_id = a.chat_id "
                        + "AND CONCAT(',', p.disabled_kinds, ',') LIKE ?) ORDER BY a.chat_id")) {
            ps.setObject(1, java.time.OffsetDateTime.ofInstant(due, java.time.ZoneOffset.UTC));
            ps.setString(2, ":" + month);
            ps.setString(3, "%," + EventKind.MONTHLY_DIGEST.code() + ",%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }
}
