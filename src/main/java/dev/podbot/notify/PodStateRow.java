package dev.podbot.notify;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import dev.podbot.podpoint.model.ConnectivityStatus.ChargingState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The last known state of one pod of an account (table pod_state): the detector's memory between polls. */
@Entity
@Table(name = "pod_state")
@IdClass(PodStateRow.Key.class)
public class PodStateRow extends PanacheEntityBase {

    /** firmware_notified holds at most this many characters. */
    static final int FIRMWARE_LENGTH = 128;

    @Id
    @Column(name = "chat_id")
    public Long chatId;

    @Id
    @Column(name = "unit_id")
    public Long unitId;

    /** A {@link ChargingState} name; null when unknown. */
    @Column(name = "charging_state", length = 32)
    public String chargingState;

    @Column(name = "online")
    public Boolean online;

    @Column(name = "streak", nullable = false)
    public int streak;

    @Column(name = "seq", nullable = false)
    public long seq;

    @Column(name = "firmware_notified", length = FIRMWARE_LENGTH)
    public String firmwareNotified;

    /** Composite key: (chat_id, unit_id). */
    public static class Key implements Serializable {
        public Long chatId;
        public Long unitId;

        public Key() {
        }

        public Key(Long chatId, Long unitId) {
            this.chatId = chatId;
            this.unitId = unitId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(chatId, k.chatId) && Objects.equals(unitId, k.unitId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chatId, unitId);
        }
    }

    static List<PodStateRow> forChat(long chatId) {
        return list("chatId", chatId);
    }

    PodState toState() {
        return new PodState(unitId, chargingState == null ? null : ChargingState.parse(chargingState), online, streak,
                seq, firmwareNotified);
    }

    /** Copies the detector's new state into this row (the key stays). */
    void setFrom(PodState s) {
        chargingState = s.chargingState() == null ? null : s.chargingState().name();
        online = s.online();
        streak = s.streak();
        seq = s.seq();
        firmwareNotified = s.firmwareNotified() == null ? null
                : s.firmwareNotified().substring(0, Math.min(FIRMWARE_LENGTH, s.firmwareNotified().length()));
    }

    @Override
    public String toString() {
        return "PodStateRow[chat=" + chatId + ", unit=" + unitId + ", state=" + chargingState + "]";
    }
}
