package dev.podbot.notify;

import java.time.LocalTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One chat's notification preferences (table notify_prefs): switched-off kinds and quiet hours ("HH:mm"). */
@Entity
@Table(name = "notify_prefs")
public class NotifyPrefsRow extends PanacheEntityBase {

    @Id
    @Column(name = "chat_id")
    public Long chatId;

    /** Codes of the kinds switched off, comma-separated. */
    @Column(name = "disabled_kinds", nullable = false, length = 512)
    public String disabledKinds;

    @Column(name = "quiet_start", length = 5)
    public String quietStart;

    @Column(name = "quiet_end", length = 5)
    public String quietEnd;

    /** The chat's preferences, or the defaults when it never changed them. Needs a transaction. */
    static NotifyPrefs of(long chatId) {
        NotifyPrefsRow row = findById(chatId);
        if (row == null) {
            return NotifyPrefs.defaults();
        }
        Optional<LocalTime> start = QuietHours.parseTime(row.quietStart);
        Optional<LocalTime> end = QuietHours.parseTime(row.quietEnd);
        return new NotifyPrefs(NotifyPrefs.parseCodes(row.disabledKinds),
                start.isPresent() && end.isPresent() ? Optional.of(new QuietHours(start.get(), end.get()))
                        : Optional.empty());
    }

    /** Stores the chat's preferences (insert or update). Needs a transaction. */
    static void save(long chatId, NotifyPrefs prefs) {
        NotifyPrefsRow row = findById(chatId);
        boolean isNew = row == null;
        if (isNew) {
            row = new NotifyPrefsRow();
            row.chatId = chatId;
        }
        row.disabledKinds = prefs.disabledCodes();
        row.quietStart = prefs.quiet().map(q -> q.start().toString()).orElse(null);
        row.quietEnd = prefs.quiet().map(q -> q.end().toString()).orElse(null);
        if (isNew) {
            row.persist();
        }
    }

    @Override
    public String toString() {
        return "NotifyPrefsRow[chat=" + chatId + "]";
    }
}
