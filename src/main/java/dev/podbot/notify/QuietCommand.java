package dev.podbot.notify;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.podbot.command.ChatResponse;
import dev.podbot.command.CommandHandler;
import dev.podbot.command.CommandInput;
import dev.podbot.command.Html;

/**
 * {@code /quiet 22:00 07:00} holds non-urgent notifications until the window ends (it may cross midnight);
 * {@code /quiet off} removes it; {@code /quiet} shows it. Times are in NOTIFY_TIMEZONE (Europe/London).
 */
@ApplicationScoped
public class QuietCommand implements CommandHandler {

    static final String HOW = "Use <code>/quiet 22:00 07:00</code> to hold notifications overnight, or "
            + "<code>/quiet off</code> to switch quiet hours off.";

    @Inject
    NotifyPrefsService prefs;

    @Inject
    NotifyConfig config;

    @Override
    public List<String> commands() {
        return List.of("quiet");
    }

    @Override
    public List<String> usage() {
        return List.of("/quiet 22:00 07:00 — hold notifications during quiet hours (/quiet off to stop)");
    }

    @Override
    public ChatResponse handle(CommandInput input) {
        long chat = input.chatId();
        List<String> args = input.args();
        String zone = Html.escape(config.timezone().getId());
        if (args.isEmpty()) {
            return ChatResponse.text(prefs.get(chat).quiet()
                    .map(q -> "🌙 Quiet hours: <b>" + Html.escape(q.toString()) + "</b> (" + zone + ").\n" + HOW)
                    .orElse("🌙 Quiet hours are off.\n" + HOW));
        }
        if (args.size() == 1 && List.of("off", "none", "stop").contains(args.get(0).toLowerCase(Locale.ROOT))) {
            prefs.setQuiet(chat, Optional.empty());
            return ChatResponse.text("🔔 Quiet hours are off: notifications arrive straight away.");
        }
        Optional<LocalTime> start = args.size() == 2 ? QuietHours.parseTime(args.get(0)) : Optional.empty();
        Optional<LocalTime> end = args.size() == 2 ? QuietHours.parseTime(args.get(1)) : Optional.empty();
        if (start.isEmpty() || end.isEmpty()) {
            return ChatResponse.text("I didn't understand those times. " + HOW);
        }
        if (start.get().equals(end.get())) {
            return ChatResponse.text("Quiet hours need different start and end times. " + HOW);
        }
        QuietHours q = new QuietHours(start.get(), end.get());
        prefs.setQuiet(chat, Optional.of(q));
        return ChatResponse.text("🌙 Quiet hours set: <b>" + Html.escape(q.toString()) + "</b> (" + zone
                + "). Notifications during them wait until " + Html.escape(q.end().toString())
                + "; a charger going offline and sign-in problems still come straight away.");
    }
}
