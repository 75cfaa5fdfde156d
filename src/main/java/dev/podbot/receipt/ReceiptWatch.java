package dev.podbot.receipt;

import java.time.Instant;
import java.time.OffsetDateTime;

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
 * One change receipt (table receipt_watch): the change the bot sent to a charger, the message that shows it, and
 * how far the charger has come. Stored so watching survives a restart. {@code done} turns true once the message
 * shows the final stage.
 */
@Entity
@Table(name = "receipt_watch")
public class ReceiptWatch extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "chat_id", nullable = false)
    public long chatId;

    @Column(name = "unit_id", nullable = false)
    public long unitId;

    /** The bot message that shows the receipt; null until the front end sent it. */
    @Column(name = "message_id")
    public Integer messageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage", nullable = false, length = 24)
    public Stage stage;

    @Column(name = "done", nullable = false)
    public boolean done;

    /** {@link Target#encode()}. */
    @Column(name = "target", nullable = false, length = 200)
    public String target;

    /** The command's own text (HTML): what the change will do. */
    @Column(name = "head", nullable = false, length = 8192)
    public String head;

    /** The command's own buttons, {@link ReceiptButtons#encode}. */
    @Column(name = "buttons", length = 4096)
    public String buttons;

    @Column(name = "zone", nullable = false, length = 64)
    public String zone;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    @Column(name = "watch_from", nullable = false)
    public Instant watchFrom;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "effect_at")
    public Instant effectAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "effect", length = 24)
    public Effect effect;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "offline", nullable = false)
    public boolean offline;

    @Column(name = "last_seen_at")
    public OffsetDateTime lastSeenAt;

    @Column(name = "baseline_contact")
    public OffsetDateTime baselineContact;

    @Column(name = "next_check_at", nullable = false)
    public Instant nextCheckAt;

    @Column(name = "checks", nullable = false)
    public int checks;

    /** A fingerprint of the text and buttons last shown, so an unchanged message is not edited again. */
    @Column(name = "shown", length = 64)
    public String shown;

    @Column(name = "claimed_by", length = 64)
    public String claimedBy;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    public Progress progress() {
        return new Progress(stage, sentAt, watchFrom, confirmedAt, effectAt, effect, endedAt, offline, lastSeenAt,
                baselineContact, checks);
    }

    public void progress(Progress p) {
        stage = p.stage();
        sentAt = p.sentAt();
        watchFrom = p.watchFrom();
        confirmedAt = p.confirmedAt();
        effectAt = p.effectAt();
        effect = p.effect();
        endedAt = p.endedAt();
        offline = p.offline();
        lastSeenAt = p.lastSeen();
        baselineContact = p.baselineContact();
        checks = p.checks();
    }

    @Override
    public String toString() {
        return "ReceiptWatch[id=" + id + ", chat=" + chatId + ", unit=" + unitId + ", stage=" + stage + "]";
    }
}
