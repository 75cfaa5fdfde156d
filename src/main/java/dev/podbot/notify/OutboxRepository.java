package dev.podbot.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.podbot.command.MessageSplitter;
import dev.podbot.notify.OutboxMessage.Status;
import io.quarkus.panache.common.Sort;

/**
 * The transactional outbox ({@link OutboxMessage}): queueing a notification, and each step of its delivery. Every
 * method needs a transaction (callers use {@link Tx} or {@code QuarkusTransaction}).
 *
 * <p>Delivery is exactly-once as far as a crash allows (see {@link OutboxSender}): a row is taken for its send by
 * {@link #startSending}, one conditional UPDATE ({@code … WHERE id = ? AND status = 'PENDING'}) committed on its own
 * just before the send, whose row count decides which instance sends it. The other steps are single UPDATE
 * statements too (Panache {@code update}), so a counter such as {@code attempts} is incremented by the database,
 * never read and written back.
 */
@ApplicationScoped
public class OutboxRepository {

    @Inject
    ObjectMapper json;

    @Inject
    NotifyWake wake;

    /**
     * Queues {@code n} for the chat with the chat's own preferences (switched-off kinds, quiet hours). False when
     * the chat switched this kind off or the same dedup key was queued before.
     */
    public boolean enqueue(long chatId, Notification n, Instant now, ZoneId zone) {
        return enqueue(chatId, n, NotifyPrefsRow.of(chatId), now, zone);
    }

    /** As {@link #enqueue(long, Notification, Instant, ZoneId)} with preferences the caller already read. */
    public boolean enqueue(long chatId, Notification n, NotifyPrefs prefs, Instant now, ZoneId zone) {
        if (!prefs.wants(n.kind())) {
            return false;
        }
        if (OutboxMessage.count("dedupKey", n.dedupKey()) > 0) {
            return false;
        }
        OutboxMessage m = new OutboxMessage();
        m.chatId = chatId;
        m.dedupKey = n.dedupKey();
        m.kind = n.kind().name();
        // the column holds 4,096 characters: a longer text is shortened where HTML may be cut, never mid-tag
        m.body = MessageSplitter.shorten(n.reply().text(), MessageSplitter.TELEGRAM_LIMIT);
        m.buttons = buttonsJson(n);
        m.status = Status.PENDING;
        m.createdAt = now;
        m.deliverAfter = n.kind().urgent() || prefs.quiet().isEmpty() ? now
                : prefs.quiet().get().deliverAfter(now, zone);
        m.attempts = 0;
        m.persist();
        wake.outboxAfterCommit();
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
    public List<OutboxRow> due(Instant now, int limit) {
        // "exists" with the account's key, not "chatId in (select ...)": H2 checks an IN subquery row by row and
        // runs it again whenever chat_account changed meanwhile (the poller and every update write it), so a
        // 10,000-row fan-out took 10,000 × 10,000 row visits per batch (DueRowsUnderLoadTest)
        return OutboxMessage.<OutboxMessage>find("from OutboxMessage m where m.status = ?1 and m.deliverAfter <= ?2 "
                + "and exists (select 1 from ChatAccount a where a.chatId = m.chatId and a.chatActive = true)",
                Sort.by("id"), Status.PENDING, now)
                .page(0, Math.max(1, limit)).list().stream().map(OutboxMessage::toRow).toList();
    }

    /**
     * When the next row of a reachable chat comes due (the earliest {@code deliver_after} of the pending rows: quiet
     * hours, a retry's backoff), null when none is pending; may be in the past.
     */
    public Instant earliestPendingDue() {
        return OutboxMessage.getEntityManager().createQuery("select min(m.deliverAfter) from OutboxMessage m "
                + "where m.status = :s and exists (select 1 from ChatAccount a where a.chatId = m.chatId "
                + "and a.chatActive = true)", Instant.class).setParameter("s", Status.PENDING).getSingleResult();
    }

    /**
     * Takes one row for sending (PENDING → SENDING, with who and when); the caller commits before the send. False
     * when the row is no longer pending (another instance took it first): one conditional UPDATE decides, so two
     * instances never both send a row.
     */
    public boolean startSending(long id, String instance, Instant now) {
        return OutboxMessage.update("status = ?1, claimedBy = ?2, claimedAt = ?3 where id = ?4 and status = ?5",
                Status.SENDING, instance, now, id, Status.PENDING) == 1;
    }

    public void markSent(long id, Instant now) {
        OutboxMessage.update("status = ?1, sentAt = ?2, attempts = attempts + 1 where id = ?3", Status.SENT, now, id);
    }

    /** Back to PENDING; with {@code retryAt} the attempt counts and the row waits until then. */
    public void release(long id, Instant retryAt) {
        if (retryAt == null) {
            OutboxMessage.update("status = ?1, claimedBy = null where id = ?2", Status.PENDING, id);
        } else {
            OutboxMessage.update("status = ?1, claimedBy = null, attempts = attempts + 1, deliverAfter = ?2 "
                    + "where id = ?3", Status.PENDING, retryAt, id);
        }
    }

    public void markFailed(long id) {
        OutboxMessage.update("status = ?1, attempts = attempts + 1 where id = ?2", Status.FAILED, id);
    }

    public long countPending() {
        return OutboxMessage.count("status", Status.PENDING);
    }
}
