package dev.podbot.notify;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.podbot.command.Button;
import dev.podbot.command.Html;
import dev.podbot.command.Reply;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ConnectivityStatus.ChargingState;
import dev.podbot.podpoint.model.Pod;

/** The notification messages, in Telegram's HTML subset. Pure functions: easy to test. */
public final class NotificationTexts {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

    private NotificationTexts() {
    }

    /** "Charges" opens /charges page 1 as a new message (the router's "charges" prefix; "new" = do not edit). */
    static List<List<Button>> chargesAndSettings() {
        return List.of(List.of(new Button("Charges", "charges:1:new"), new Button("Notification settings", "notify:show")));
    }

    static List<List<Button>> settings() {
        return List.of(List.of(new Button("Notification settings", "notify:show")));
    }

    public static Reply chargeCompleted(Charge c, String podName, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        sb.append("✅ <b>Charge complete</b> on ").append(Html.bold(podName)).append('\n');
        sb.append("⚡ ").append(String.format(Locale.UK, "%.1f", c.kwh())).append(" kWh\n");
        sb.append("🔌 Plugged in ").append(duration(c.pluggedInMinutes() * 60L)).append('\n');
        Long secs = c.chargingSeconds();
        sb.append("🔋 Charging ").append(secs == null ? "unknown" : duration(secs)).append('\n');
        sb.append("💷 ").append(dev.podbot.command.Formats.money(c.costPence(), c.currencyOrGbp()))
                .append('\n');
        sb.append("🕒 ").append(Html.escape(span(c.startsAt(), c.endsAt(), zone)));
        return Reply.of(sb.toString(), chargesAndSettings());
    }

    public static Reply transition(EventKind kind, String podName, ChargingState now) {
        String pod = Html.bold(podName);
        String text = switch (kind) {
            case PLUGGED_IN -> "🔌 <b>Car plugged in</b> at " + pod + " — " + Html.escape(describe(now)) + ".";
            case CHARGING_STARTED -> "⚡ <b>Charging started</b> at " + pod + ".";
            case CAR_FULL -> "🔋 <b>Car full</b> at " + pod + ": the car stopped taking energy.";
            case SCHEDULE_PAUSED -> "⏸ <b>Charging paused</b> at " + pod + " by a schedule.";
            default -> throw new IllegalArgumentException(kind.name());
        };
        return Reply.of(text, settings());
    }

    public static Reply offline(String podName, boolean online) {
        return Reply.of(online
                ? "🟢 <b>" + Html.escape(podName) + "</b> is back online."
                : "🔴 <b>" + Html.escape(podName) + "</b> is offline: Pod Point has not heard from it for two checks in a row.",
                settings());
    }

    public static Reply firmware(String podName, String version) {
        return Reply.of("⬆️ <b>Firmware update available</b> for " + Html.bold(podName) + " (now on "
                + Html.code(version) + "). Updates are installed from the Pod Point app.");
    }

    public static Reply signInFailed() {
        return Reply.of("⚠️ <b>Pod Point stopped accepting your saved sign-in</b>, so notifications are paused. "
                + "Please /login again.");
    }

    static String describe(ChargingState s) {
        return switch (s) {
            case CHARGING -> "charging";
            case SUSPENDED_EV -> "the car is not taking energy (full or on its own schedule)";
            case SUSPENDED_EVSE -> "waiting for a schedule";
            default -> "not charging yet";
        };
    }

    /** "2 h 05 min", "45 min", "0 min". */
    public static String duration(long seconds) {
        long minutes = Math.max(0, seconds) / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        return String.format(Locale.UK, "%d h %02d min", minutes / 60, minutes % 60);
    }

    static String span(OffsetDateTime start, OffsetDateTime end, ZoneId zone) {
        if (start == null && end == null) {
            return "time unknown";
        }
        if (start == null) {
            return "ended " + end.atZoneSameInstant(zone).format(DAY_TIME);
        }
        var s = start.atZoneSameInstant(zone);
        if (end == null) {
            return s.format(DAY_TIME) + " → now";
        }
        var e = end.atZoneSameInstant(zone);
        return s.format(DAY_TIME) + " → " + (s.toLocalDate().equals(e.toLocalDate()) ? e.format(TIME) : e.format(DAY_TIME));
    }

    /** The pod's zone, else the charge's, else the default. Bad zone names fall back quietly. */
    public static ZoneId zone(Pod pod, Charge charge, ZoneId fallback) {
        for (String z : new String[] {pod == null ? null : pod.timezone(),
                charge == null || charge.location() == null ? null : charge.location().timezone()}) {
            if (z != null && !z.isBlank()) {
                try {
                    return ZoneId.of(z.trim());
                } catch (DateTimeException e) {
                    // next
                }
            }
        }
        return fallback;
    }
}
