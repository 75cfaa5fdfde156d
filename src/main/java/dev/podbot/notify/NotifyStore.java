package dev.podbot.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.podbot.command.MessageSplitter;
import dev.podbot.podpoint.model.ConnectivityStatus.ChargingState;
import io.agroal.api.AgroalDataSource;

/**
 * The notification feature's polling state and outbox, in plain JDBC on the application's datasource (preferences
 * are a Panache entity, {@link NotifyPrefsRow}). Plain SQL stays here because it is clearly simpler for what these
 * statements do: claims with {@code FOR UPDATE SKIP LOCKED} and a row limit, conditional updates whose row count
 * decides who sends a row, set-based inserts ({@code INSERT … SELECT … WHERE NOT EXISTS}) and batched writes in
 * the poll's one transaction. Every method expects to run
 * inside a JTA transaction (callers use {@code QuarkusTransaction}), so the connection is enlisted in it.
 *
 * <p>Claims use {@code SELECT … FOR UPDATE SKIP LOCKED}: on PostgreSQL two instances never get the same rows.
 * H2 2.4 accepts the same SQL (checked) but locks every row matching the WHERE clause rather than only the
 * {@code FETCH FIRST} ones; H2 is the single-instance database, so that only costs concurrency nobody needs.
 */
@ApplicationScoped
public class NotifyStore {

    /** Completed charge ids kept per account; older ones are pruned (the baseline time protects them). */
    static final int KNOWN_KEEP = 200;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void setTs(PreparedStatement ps, int i, Instant v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, ts(v));
        }
    }

    private Connection conn() throws SQLException {
        return dataSource.getConnection();
    }

    // ---- poll_state

    /** Adds poll_state rows for linked accounts that have none; they are due at once (the baseline poll). */
    public int ensurePollStates(Instant now) throws SQLException {
        try (Connection c = conn(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO poll_state (chat_id, next_poll_at, failures, first_poll_done, poll_count, auth_seq) "
                        + "SELECT a.chat_id, ?, 0, FALSE, 0, 0 FROM chat_account a "
                        + "WHERE NOT EXISTS (SELECT 1 FROM poll_state p WHERE p.chat_id = a.chat_id)")) {
            setTs(ps, 1, now);
            return ps.executeUpdate();
        }
    }

    /**
     * Claims up to {@code limit} due, pollable accounts for this instance: locks them (skipping rows another
     * instance holds), moves next_poll_at to the account's next slot and records the claim. The caller commits
     * before polling.
     */
    public List<Long> claimDueAccounts(String instance, Instant now, int limit, Duration interval, Duration claimTtl)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = conn()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT p.chat_id FROM poll_state p WHERE p.next_poll_at <= ? "
                            + "AND (p.backoff_until IS NULL OR p.backoff_until <= ?) "
                            + "AND (p.claimed_until IS NULL OR p.claimed_until <= ?) "
                            + "AND p.chat_id IN (SELECT a.chat_id FROM chat_account a WHERE a.status = 'LINKED' AND a.chat_active = TRUE) "
                            + "ORDER BY p.next_poll_at, p.chat_id FETCH FIRST " + Math.max(1, limit)
                            + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                setTs(ps, 1, now);
                setTs(ps, 2, now);
                setTs(ps, 3, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE poll_state SET next_poll_at = ?, claimed_by = ?, claimed_until = ? WHERE chat_id = ?")) {
                for (long id : ids) {
                    setTs(up, 1, PollSchedule.nextSlot(id, now, interval));
                    up.setString(2, instance);
                    setTs(up, 3, now.plus(claimTtl));
                    up.setLong(4, id);
                    up.addBatch();
                }
                if (!ids.isEmpty()) {
                    up.executeBatch();
                }
            }
        }
        return ids;
    }

    public AccountState loadAccountState(long chatId) throws SQLException {
        try (Connection c = conn()) {
            boolean first = false;
            Instant baseline = null;
            long count = 0;
            Instant scanned = null;
            String generation = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT first_poll_done, baseline_at, poll_count, scanned_at, api_generation FROM poll_state "
                            + "WHERE chat_id = ?")) {
                ps.setLong(1, chatId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        first = rs.getBoolean("first_poll_done");
                        baseline = instant(rs, "baseline_at");
                        count = rs.getLong("poll_count");
                        scanned = instant(rs, "scanned_at");
                        generation = rs.getString("api_generation");
                    }
                }
            }
            Map<Long, PodState> pods = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT unit_id, charging_state, online, streak, seq, firmware_notified FROM pod_state WHERE chat_id = ?")) {
                ps.setLong(1, chatId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String cs = rs.getString("charging_state");
                        boolean online = rs.getBoolean("online");
                        Boolean onlineOrNull = rs.wasNull() ? null : online;
                        long unit = rs.getLong("unit_id");
                        pods.put(unit, new PodState(unit, cs == null ? null : ChargingState.parse(cs), onlineOrNull,
                                rs.getInt("streak"), rs.getLong("seq"), rs.getString("firmware_notified")));
                    }
                }
            }
            Set<Long> known = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT charge_id FROM known_charge WHERE chat_id = ?")) {
                ps.setLong(1, chatId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        known.add(rs.getLong(1));
                    }
                }
            }
            return new AccountState(first, baseline, count, pods, known, scanned, generation);
        }
    }

    /** Saves a successful poll: pod states, known charges, poll_state and the outbox rows, in the caller's transaction. */
    public int saveSuccess(long chatId, AccountState prev, Detection d, Instant now, ZoneId zone) throws SQLException {
        int inserted = 0;
        try (Connection c = conn()) {
            try (PreparedStatement upd = c.prepareStatement(
                    "UPDATE pod_state SET charging_state = ?, online = ?, streak = ?, seq = ?, firmware_notified = ? "
                            + "WHERE chat_id = ? AND unit_id = ?");
                    PreparedStatement ins = c.prepareStatement(
                            "INSERT INTO pod_state (charging_state, online, streak, seq, firmware_notified, chat_id, unit_id) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (PodState s : d.pods().values()) {
                    if (s.equals(prev.pods().get(s.unitId()))) {
                        continue;
                    }
                    PreparedStatement ps = prev.pods().containsKey(s.unitId()) ? upd : ins;
                    ps.setString(1, s.chargingState() == null ? null : s.chargingState().name());
                    if (s.online() == null) {
                        ps.setNull(2, Types.BOOLEAN);
                    } else {
                        ps.setBoolean(2, s.online());
                    }
                    ps.setInt(3, s.streak());
                    ps.setLong(4, s.seq());
                    ps.setString(5, s.firmwareNotified() == null ? null
                            : s.firmwareNotified().substring(0, Math.min(128, s.firmwareNotified().length())));
                    ps.setLong(6, chatId);
                    ps.setLong(7, s.unitId());
                    ps.executeUpdate();
                }
            }
            if (!d.newlyCompleted().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO known_charge (chat_id, charge_id, seen_at) VALUES (?, ?, ?)")) {
                    for (long id : d.newlyCompleted()) {
                        ps.setLong(1, chatId);
                        ps.setLong(2, id);
                        setTs(ps, 3, now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                int total = prev.knownCompleted().size() + d.newlyCompleted().size();
                if (total > KNOWN_KEEP + 50) {
                    List<Long> all = new ArrayList<>();
                    try (PreparedStatement q = c.prepareStatement(
                            "SELECT charge_id FROM known_charge WHERE chat_id = ? ORDER BY seen_at, charge_id")) {
                        q.setLong(1, chatId);
                        try (ResultSet rs = q.executeQuery()) {
                            while (rs.next()) {
                                all.add(rs.getLong(1));
                            }
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "DELETE FROM known_charge WHERE chat_id = ? AND charge_id = ?")) {
                        for (long id : all.subList(0, all.size() - KNOWN_KEEP)) {
                            ps.setLong(1, chatId);
                            ps.setLong(2, id);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE poll_state SET first_poll_done = TRUE, baseline_at = COALESCE(baseline_at, ?), "
                            + "poll_count = poll_count + 1, failures = 0, backoff_until = NULL, claimed_by = NULL, "
                            + "claimed_until = NULL, last_poll_at = ?, scanned_at = ?, api_generation = ? WHERE chat_id = ?")) {
                setTs(ps, 1, now);
                setTs(ps, 2, now);
                setTs(ps, 3, d.scannedAt() == null ? now : d.scannedAt());
                ps.setString(4, d.generation());
                ps.setLong(5, chatId);
                ps.executeUpdate();
            }
            if (!d.events().isEmpty()) {
                NotifyPrefs prefs = NotifyPrefsRow.of(chatId);
                for (Notification n : d.events()) {
                    if (insertOutbox(c, chatId, n, prefs, now, zone)) {
                        inserted++;
                    }
                }
            }
        }
        return inserted;
    }

    /** A failed poll: exponential backoff for this account only. Returns the backoff. */
    public Duration saveFailure(long chatId, Instant now, Duration interval, Duration max) throws SQLException {
        try (Connection c = conn()) {
            int failures = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT failures FROM poll_state WHERE chat_id = ?")) {
                ps.setLong(1, chatId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        failures = rs.getInt(1);
                    }
                }
            }
            failures++;
            Duration backoff = PollSchedule.backoff(failures, interval, max);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE poll_state SET failures = ?, backoff_until = ?, claimed_by = NULL, claimed_until = NULL, "
                            + "last_poll_at = ? WHERE chat_id = ?")) {
                ps.setInt(1, failures);
                setTs(ps, 2, now.plus(backoff));
                setTs(ps, 3, now);
                ps.setLong(4, chatId);
                ps.executeUpdate();
            }
            return backoff;
        }
    }

    /** Pod Point rejected the saved sign-in: one outbox row per episode (auth_seq) and the claim released. */
    public boolean saveAuthFailure(long chatId, Instant now, ZoneId zone) throws SQLException {
        try (Connection c = conn()) {
            int seq = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE poll_state SET auth_seq = auth_seq + 1, claimed_by = NULL, claimed_until = NULL, last_poll_at = ? "
                            + "WHERE chat_id = ?")) {
                setTs(ps, 1, now);
                ps.setLong(2, chatId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT auth_seq FROM poll_state WHERE chat_id = ?")) {
                ps.setLong(1, chatId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        seq = rs.getInt(1);
                    }
                }
            }
            Notification n = new Notification(EventKind.SIGN_IN_FAILED, "signin:" + chatId + ":" + seq,
                    NotificationTexts.signInFailed());
            return insertOutbox(c, chatId, n, NotifyPrefsRow.of(chatId), now, zone);
        }
    }

    // ---- outbox

    boolean insertOutbox(Connection c, long chatId, Notification n, NotifyPrefs prefs, Instant now, ZoneId zone)
            throws SQLException {
        if (!prefs.wants(n.kind())) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM outbox WHERE dedup_key = ?")) {
            ps.setString(1, n.dedupKey());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        Instant deliverAfter = n.kind().urgent() || prefs.quiet().isEmpty() ? now
                : prefs.quiet().get().deliverAfter(now, zone);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (chat_id, dedup_key, kind, body, buttons, status, created_at, deliver_after, attempts) "
                        + "VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?, 0)")) {
            ps.setLong(1, chatId);
            ps.setString(2, n.dedupKey());
            ps.setString(3, n.kind().name());
            String body = n.reply().text();
            // the column holds 4,096 characters: a longer text is shortened where HTML may be cut, never mid-tag
            ps.setString(4, MessageSplitter.shorten(body, MessageSplitter.TELEGRAM_LIMIT));
            ps.setString(5, buttonsJson(n));
            setTs(ps, 6, now);
            setTs(ps, 7, deliverAfter);
            ps.executeUpdate();
        }
        return true;
    }

    private String buttonsJson(Notification n) {
        if (n.reply().buttons().isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(n.reply().buttons());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * Up to {@code limit} rows ready to go (pending, due, chat reachable), oldest first. Nothing is claimed here:
     * each row is taken on its own by {@link #startSending} just before its send, so a crash can never strand a
     * batch of rows that were claimed but not sent.
     */
    public List<OutboxRow> dueOutbox(Instant now, int limit) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (Connection c = conn(); PreparedStatement ps = c.prepareStatement(
                "SELECT o.id, o.chat_id, o.kind, o.body, o.buttons, o.attempts FROM outbox o "
                        + "WHERE o.status = 'PENDING' AND o.deliver_after <= ? "
                        + "AND o.chat_id IN (SELECT a.chat_id FROM chat_account a WHERE a.chat_active = TRUE) "
                        + "ORDER BY o.id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
            setTs(ps, 1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6)));
                }
            }
        }
        return rows;
    }

    /**
     * Takes one row for sending (PENDING → SENDING, with who and when); the caller commits before the send. False
     * when the row is no longer pending (another instance took it first): one conditional UPDATE decides, so two
     * instances never both send a row.
     */
    public boolean startSending(long id, String instance, Instant now) throws SQLException {
        try (Connection c = conn(); PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET status = 'SENDING', claimed_by = ?, claimed_at = ? WHERE id = ? AND status = 'PENDING'")) {
            ps.setString(1, instance);
            setTs(ps, 2, now);
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Gives back the accounts this instance was polling when it stopped (e.g. a kill -9), so a restart polls them
     * at once instead of after the claim timeout. Returns how many.
     */
    public int releasePollClaims(String instance) throws SQLException {
        try (Connection c = conn(); PreparedStatement ps = c.prepareStatement(
                "UPDATE poll_state SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?")) {
            ps.setString(1, instance);
            return ps.executeUpdate();
        }
    }

    public void markSent(long id, Instant now) throws SQLException {
        try (Connection c = conn(); PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1 WHERE id = ?")) {
            setTs(ps, 1, now);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Back to PENDING; with {@code retryAt} the attempt counts and the row waits until then. */
    public void release(long id, Instant retryAt) throws SQLException {
        try (Connection c = conn(); PreparedStatement ps = c.prepareStatement(retryAt == null
                ? "UPDATE outbox SET status = 'PENDING', claimed_by = NULL WHERE id = ?"
                : "UPDATE outbox SET status = 'PENDING', claimed_by = NULL, attempts = attempts + 1, deliver_after = ? WHERE id = ?")) {
            if (retryAt == null) {
                ps.setLong(1, id);
            } else {
                setTs(ps, 1, retryAt);
                ps.setLong(2, id);
            }
            ps.executeUpdate();
        }
    }

    public void markFailed(long id) throws SQLException {
        try (Connection c = conn(); PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET status = 'FAILED', attempts = attempts + 1 WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    public long countPending() throws SQLException {
        try (Connection c = conn(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
