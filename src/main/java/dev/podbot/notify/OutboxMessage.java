package dev.podbot.notify;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One notification in the transactional outbox (table outbox). Written in the same transaction as the poll that
 * detected it; {@code dedupKey} is unique, so a re-detection can never add a second row. Its life:
 * PENDING → SENDING (taken by one instance just before the send) → SENT, or back to PENDING for a retry, or FAILED.
 * {@link #toString()} shows no text.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {

    public enum Status {
        /** Waiting for {@code deliverAfter} and a sender. */
        PENDING,
        /** Taken by {@code claimedBy} for its send; never sent again (see {@link OutboxSender}). */
        SENDING,
        SENT,
        /** Given up after NOTIFY_MAX_ATTEMPTS failed deliveries. */
        FAILED
    }

    /** The body column holds this many characters. */
    static final int BODY_LENGTH = 4096;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "chat_id", nullable = false)
    public Long chatId;

    @Column(name = "dedup_key", nullable = false, length = 200)
    public String dedupKey;

    /** An {@link EventKind} name (a string, so a row of a kind this version does not know still loads). */
    @Column(name = "kind", nullable = false, length = 32)
    public String kind;

    /** Telegram HTML, at most {@value #BODY_LENGTH} characters. */
    @Column(name = "body", nullable = false, length = BODY_LENGTH)
    public String body;

    /** The inline keyboard as JSON, or null. */
    @Column(name = "buttons", length = 2048)
    public String buttons;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Not sent before this (quiet hours, retry backoff). */
    @Column(name = "deliver_after", nullable = false)
    public Instant deliverAfter;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "claimed_by", length = 64)
    public String claimedBy;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    OutboxRow toRow() {
        return new OutboxRow(id, chatId, kind, body, buttons, attempts);
    }

    @Override
    public String toString() {
        return "OutboxMessage[id=" + id + ", chat=" + chatId + ", kind=" + kind + ", status=" + status + "]";
    }
}
