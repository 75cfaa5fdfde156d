package dev.podbot.notify;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One linked account's polling state (table poll_state): when it is next due, its backoff, who is polling it now
 * (the claim), and the detector's baseline. {@link DynamicUpdate}: an update writes only the columns that changed,
 * as the hand-written statements did, so a save never writes back a column it did not mean to touch.
 */
@Entity
@Table(name = "poll_state")
@DynamicUpdate
public class PollStateRow extends PanacheEntityBase {

    @Id
    @Column(name = "chat_id")
    public Long chatId;

    @Column(name = "next_poll_at", nullable = false)
    public Instant nextPollAt;

    @Column(name = "failures", nullable = false)
    public int failures;

    @Column(name = "backoff_until")
    public Instant backoffUntil;

    @Column(name = "claimed_by", length = 64)
    public String claimedBy;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    /** False until the first successful poll (the silent baseline). */
    @Column(name = "first_poll_done", nullable = false)
    public boolean firstPollDone;

    @Column(name = "baseline_at")
    public Instant baselineAt;

    @Column(name = "poll_count", nullable = false)
    public long pollCount;

    /** Counts sign-in failure episodes: one notification per episode. */
    @Column(name = "auth_seq", nullable = false)
    public int authSeq;

    @Column(name = "last_poll_at")
    public Instant lastPollAt;

    @Column(name = "scanned_at")
    public Instant scannedAt;

    /** "home" or "legacy": the generation the last charge scan used. */
    @Column(name = "api_generation", length = 8)
    public String apiGeneration;

    /** Gives the claim back (the poll ended, or failed). */
    void releaseClaim() {
        claimedBy = null;
        claimedUntil = null;
    }

    @Override
    public String toString() {
        return "PollStateRow[chat=" + chatId + ", next=" + nextPollAt + ", claimedBy=" + claimedBy + "]";
    }
}
