package dev.podbot.notify;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A completed charge already seen for an account (table known_charge), announced or recorded silently. */
@Entity
@Table(name = "known_charge")
@IdClass(KnownChargeRow.Key.class)
public class KnownChargeRow extends PanacheEntityBase {

    @Id
    @Column(name = "chat_id")
    public Long chatId;

    @Id
    @Column(name = "charge_id")
    public Long chargeId;

    @Column(name = "seen_at", nullable = false)
    public Instant seenAt;

    /** Composite key: (chat_id, charge_id). */
    public static class Key implements Serializable {
        public Long chatId;
        public Long chargeId;

        public Key() {
        }

        public Key(Long chatId, Long chargeId) {
            this.chatId = chatId;
            this.chargeId = chargeId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(chatId, k.chatId) && Objects.equals(chargeId, k.chargeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chatId, chargeId);
        }
    }

    static KnownChargeRow of(long chatId, long chargeId, Instant seenAt) {
        KnownChargeRow row = new KnownChargeRow();
        row.chatId = chatId;
        row.chargeId = chargeId;
        row.seenAt = seenAt;
        return row;
    }

    @Override
    public String toString() {
        return "KnownChargeRow[chat=" + chatId + ", charge=" + chargeId + "]";
    }
}
