package dev.podbot.notify;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads and changes a chat's notification preferences. */
@ApplicationScoped
public class NotifyPrefsService {

    @Inject
    NotifyStore store;

    public NotifyPrefs get(long chatId) {
        return Tx.run(() -> store.loadPrefs(chatId));
    }

    /** Switches one kind on or off; returns the new preferences. */
    public NotifyPrefs toggle(long chatId, EventKind kind) {
        return Tx.run(() -> {
            NotifyPrefs p = store.loadPrefs(chatId);
            Set<EventKind> disabled = p.disabled().isEmpty() ? EnumSet.noneOf(EventKind.class) : EnumSet.copyOf(p.disabled());
            if (kind.optional() && !disabled.remove(kind)) {
                disabled.add(kind);
            }
            NotifyPrefs n = new NotifyPrefs(disabled, p.quiet());
            store.savePrefs(chatId, n);
            return n;
        });
    }

    public NotifyPrefs setQuiet(long chatId, Optional<QuietHours> quiet) {
        return Tx.run(() -> {
            NotifyPrefs p = store.loadPrefs(chatId);
            NotifyPrefs n = new NotifyPrefs(p.disabled(), quiet);
            store.savePrefs(chatId, n);
            return n;
        });
    }
}
