package dev.podbot.notify;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads and changes a chat's notification preferences. */
@ApplicationScoped
public class NotifyPrefsService {

    public NotifyPrefs get(long chatId) {
        return QuarkusTransaction.requiringNew().call(() -> NotifyPrefsRow.of(chatId));
    }

    /** Switches one kind on or off; returns the new preferences. */
    public NotifyPrefs toggle(long chatId, EventKind kind) {
        return QuarkusTransaction.requiringNew().call(() -> {
            NotifyPrefs p = NotifyPrefsRow.of(chatId);
            Set<EventKind> disabled = p.disabled().isEmpty() ? EnumSet.noneOf(EventKind.class) : EnumSet.copyOf(p.disabled());
            if (kind.optional() && !disabled.remove(kind)) {
                disabled.add(kind);
            }
            NotifyPrefs n = new NotifyPrefs(disabled, p.quiet());
            NotifyPrefsRow.save(chatId, n);
            return n;
        });
    }

    public NotifyPrefs setQuiet(long chatId, Optional<QuietHours> quiet) {
        return QuarkusTransaction.requiringNew().call(() -> {
            NotifyPrefs p = NotifyPrefsRow.of(chatId);
            NotifyPrefs n = new NotifyPrefs(p.disabled(), quiet);
            NotifyPrefsRow.save(chatId, n);
            return n;
        });
    }
}
