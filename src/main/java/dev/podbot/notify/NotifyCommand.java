package dev.podbot.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.command.Button;
import dev.podbot.command.ChatResponse;
import dev.podbot.command.CommandHandler;
import dev.podbot.command.CommandInput;
import dev.podbot.command.Html;
import dev.podbot.command.Reply;

/** {@code /notify}: shows each kind of notification with a button that switches it on or off. */
@ApplicationScoped
public class NotifyCommand implements CommandHandler {

    @Inject
    NotifyPrefsService prefs;

    @Override
    public List<String> commands() {
        return List.of("notify");
    }

    @Override
    public List<String> buttonPrefixes() {
        return List.of("notify");
    }

    @Override
    public List<String> usage() {
        return List.of("/notify — choose which notifications you get");
    }

    @Override
    public ChatResponse handle(CommandInput input) {
        long chat = input.chatId();
        if (input.isButton() && "toggle".equals(input.arg(0))) {
            Optional<EventKind> kind = EventKind.ofCode(input.arg(1));
            if (kind.isEmpty() || !kind.get().optional()) {
                return ChatResponse.of(render(prefs.get(chat)).asEdit()).withCallbackAnswer("That option no longer exists.");
            }
            NotifyPrefs p = prefs.toggle(chat, kind.get());
            return ChatResponse.of(render(p).asEdit())
                    .withCallbackAnswer(kind.get().label() + (p.wants(kind.get()) ? ": on" : ": off"));
        }
        return ChatResponse.of(render(prefs.get(chat)));
    }

    /**
     * The switches are the buttons, one per row (each label is read once, with its state); the text says only what
     * the buttons can't.
     */
    static Reply render(NotifyPrefs p) {
        StringBuilder sb = new StringBuilder("🔔 <b>Notifications</b>\nTap a switch to turn it on (✅) or off (❌).")
                .append(" Urgent ones arrive even during quiet hours, and sign-in problems always do.\n");
        List<List<Button>> rows = new ArrayList<>();
        for (EventKind k : EventKind.values()) {
            if (k.optional()) {
                rows.add(List.of(new Button(label(k, p.wants(k)), "notify:toggle:" + k.code())));
            }
        }
        sb.append("\nQuiet hours: ")
                .append(p.quiet().map(q -> Html.escape(q.toString()) + " (non-urgent messages wait until they end)")
                        .orElse("off"))
                .append(". Change them with /quiet.");
        return Reply.of(sb.toString(), rows);
    }

    static String label(EventKind k, boolean on) {
        return (on ? "✅ " : "❌ ") + k.label() + (k.urgent() ? " (urgent)" : "");
    }
}
